// --output never replaces what the path points to (RELIABILITY.md row 30): a regular file is replaced
// atomically, a symlink is followed, a device or FIFO is written in place, and the data dir is refused.

import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES } from "../fixtures/fixtures.js";
import { BIN, readReviewLog, runPrelim, spawnPrelim, tempDir, tempFiles } from "./helpers.js";

const POLITY = path.join(FIXTURES, "mock", "polity.yaml");
const ANSWERS = "parliament: b\nrights: [c, a]\nsun-star: true\npresident: a\n";

function answerFile(): string {
  return path.join(tempFiles({ "answers.yaml": ANSWERS }), "answers.yaml");
}

const mockTo = (output: string, options: Parameters<typeof runPrelim>[1] = {}) =>
  runPrelim(["mock", POLITY, "--answers", answerFile(), "--seed", "7", "--reporter", "json", "--output", output], options);

describe("mock --output", () => {
  it("replaces a regular file whole, and follows a symlink to write its target", async () => {
    const dir = tempDir();
    const file = path.join(dir, "report.json");
    fs.writeFileSync(file, "old");
    expect((await mockTo(file)).status).toBe(0);
    expect(JSON.parse(fs.readFileSync(file, "utf8"))).toMatchObject({ score: 5.34 });

    const target = path.join(dir, "real.json");
    const link = path.join(dir, "link.json");
    fs.writeFileSync(target, "old");
    fs.symlinkSync(target, link);
    expect((await mockTo(link)).status).toBe(0);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(JSON.parse(fs.readFileSync(target, "utf8"))).toMatchObject({ score: 5.34 });
  });

  it("writes a device in place and leaves it a device: /dev/null", async () => {
    expect((await mockTo("/dev/null")).status).toBe(0);
    expect(fs.statSync("/dev/null").isCharacterDevice()).toBe(true);
  });

  it("on /dev/full: exit 2 with one line, the device still a device, the answers still recorded", async () => {
    const home = tempDir("prelim-home-");
    const result = await mockTo("/dev/full", { home });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("cannot write the report to /dev/full");
    expect(fs.statSync("/dev/full").isCharacterDevice()).toBe(true);
    expect(readReviewLog(home)).toHaveLength(4);
  });

  it("writes /dev/stdout through to the process's standard output", () => {
    const result = spawnPrelim(["mock", POLITY, "--answers", answerFile(), "--seed", "7", "--reporter", "json", "--output", "/dev/stdout"]);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ score: 5.34 });
  });

  it("writes a FIFO in place for the reader at its other end", async () => {
    const fifo = path.join(tempDir(), "report.fifo");
    execFileSync("mkfifo", [fifo]);
    const reader = spawn("cat", [fifo]);
    let read = "";
    reader.stdout.on("data", (chunk: Buffer) => (read += chunk.toString("utf8")));
    const done = new Promise((resolve) => reader.on("close", resolve));
    const child = spawn(process.execPath, [BIN, "mock", POLITY, "--answers", answerFile(), "--seed", "7", "--reporter", "json", "--output", fifo], {
      env: { ...process.env, PRELIM_HOME: tempDir("prelim-home-"), PRELIM_BANKS: "", NO_COLOR: "1" },
      stdio: "ignore",
    });
    const status = await new Promise((resolve) => child.on("close", resolve));
    await done;
    expect(status).toBe(0);
    expect(JSON.parse(read)).toMatchObject({ score: 5.34 });
    expect(fs.statSync(fifo).isFIFO()).toBe(true);
  });

  it("refuses the review log, any path in the data dir and a link into it, before the test starts", async () => {
    const home = tempDir("prelim-home-");
    await runPrelim(["practice", POLITY, "--answers", answerFile(), "--reporter", "json"], { home });
    const log = path.join(home, "reviews.jsonl");
    const before = fs.readFileSync(log);
    const link = path.join(tempDir(), "innocent.json");
    fs.symlinkSync(log, link);
    for (const output of [log, path.join(home, "new-report.json"), link]) {
      const result = await mockTo(output, { home });
      expect(result.status, output).toBe(2);
      expect(result.stderr, output).toContain("is inside the data dir");
    }
    expect(fs.readFileSync(log)).toEqual(before);
  });

  it("refuses a folder", async () => {
    const result = await mockTo(tempDir());
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("is a folder");
  });
});
