import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { acquireLock, isProcessAlive, withLock } from "../../src/store/lock.js";
import { StoreError } from "../../src/store/store-error.js";

const NOW = new Date("2024-05-01T10:00:00.000Z");

let dir: string;
let file: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "prelim-"));
  file = path.join(dir, "progress.lock");
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "0"]);
  expect(child.status).toBe(0);
  return child.pid!;
}

describe("lock", () => {
  it("is created exclusively with pid and start time, and released", () => {
    const lock = acquireLock(file, { now: () => NOW });
    expect(JSON.parse(fs.readFileSync(file, "utf8"))).toEqual({ pid: process.pid, startedAt: NOW.toISOString() });
    lock.release();
    expect(fs.existsSync(file)).toBe(false);
  });

  it("takes over a lock left by a dead process", () => {
    const pid = deadPid();
    expect(isProcessAlive(pid)).toBe(false);
    fs.writeFileSync(file, JSON.stringify({ pid, startedAt: NOW.toISOString() }));
    const lock = acquireLock(file, { now: () => NOW, waitMs: 0 });
    expect(JSON.parse(fs.readFileSync(file, "utf8")).pid).toBe(process.pid);
    lock.release();
  });

  it("waits for a live lock, then fails with a clear error", () => {
    fs.writeFileSync(file, JSON.stringify({ pid: process.pid, startedAt: NOW.toISOString() }));
    let slept = 0;
    const error = (() => {
      try {
        acquireLock(file, { now: () => NOW, waitMs: 200, pollMs: 50, sleep: (ms) => (slept += ms) });
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe("store-locked");
    expect((error as StoreError).message).toContain(`process ${process.pid}`);
    expect((error as StoreError).message).toContain(file);
    expect(slept).toBe(200);
    expect(fs.existsSync(file)).toBe(true);
  });

  it("gets a live lock once its holder releases it", () => {
    fs.writeFileSync(file, JSON.stringify({ pid: process.pid, startedAt: NOW.toISOString() }));
    let polls = 0;
    const lock = acquireLock(file, {
      now: () => NOW,
      sleep: () => {
        if (++polls === 3) fs.rmSync(file);
      },
    });
    expect(polls).toBe(3);
    lock.release();
  });

  it("takes over a lock older than any fold could take, even if the pid is alive (reused)", () => {
    fs.writeFileSync(file, JSON.stringify({ pid: process.pid, startedAt: "2024-05-01T09:00:00.000Z" }));
    withLock(file, { now: () => NOW, waitMs: 0 }, () => {
      expect(JSON.parse(fs.readFileSync(file, "utf8")).startedAt).toBe(NOW.toISOString());
    });
    expect(fs.existsSync(file)).toBe(false);
  });

  it.each([
    ["dated in the future", "2024-05-01T10:05:00.000Z"],
    ["dated far in the future", "+275760-09-13T00:00:00.000Z"],
    ["with a start time that is not a date", "soon"],
  ])("takes over a lock %s even when its pid is alive (pid 1)", (_name, startedAt) => {
    fs.writeFileSync(file, JSON.stringify({ pid: 1, startedAt }));
    withLock(file, { now: () => NOW, waitMs: 0, isProcessAlive: () => true }, () => {
      expect(JSON.parse(fs.readFileSync(file, "utf8"))).toEqual({ pid: process.pid, startedAt: NOW.toISOString() });
    });
    expect(fs.existsSync(file)).toBe(false);
  });

  it("judges a live lock's age by the clock as it runs while waiting", () => {
    fs.writeFileSync(file, JSON.stringify({ pid: 1, startedAt: NOW.toISOString() }));
    let clock = NOW.getTime();
    const lock = acquireLock(file, {
      now: () => new Date(clock),
      staleAfterMs: 1_000,
      waitMs: 5_000,
      pollMs: 500,
      isProcessAlive: () => true,
      sleep: (ms) => (clock += ms),
    });
    expect(clock - NOW.getTime()).toBeLessThanOrEqual(1_500);
    lock.release();
  });

  it("takes over an empty lock file left by a crash during creation", () => {
    fs.writeFileSync(file, "");
    const lock = acquireLock(file, { now: () => NOW, waitMs: 2_000, pollMs: 100, sleep: () => {} });
    expect(JSON.parse(fs.readFileSync(file, "utf8")).pid).toBe(process.pid);
    lock.release();
  });

  it("does not remove a lock that is no longer its own", () => {
    const lock = acquireLock(file, { now: () => NOW });
    fs.writeFileSync(file, JSON.stringify({ pid: 4242, startedAt: NOW.toISOString() }));
    lock.release();
    expect(fs.existsSync(file)).toBe(true);
  });
});
