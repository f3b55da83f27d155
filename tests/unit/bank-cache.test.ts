// The cache of loaded banks: an unchanged bank comes from it, any change is parsed again, and nothing
// about the cache can fail a command.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fileHash, openBankCache, serializeCache, withFile } from "../../src/bank/bank-cache.js";
import { loadBankFile } from "../../src/bank/load-bank.js";
import { loadBanks } from "../../src/bank/load-banks.js";

const BANK = `id: cached
title: Cached bank
questions:
  - id: q1
    question: Which?
    options: [One, Two]
    answer: b
    explanation: Because.
    source: Here
    difficulty: easy
`;

const realRead = fs.readFileSync.bind(fs);
let dir: string;
let bankFile: string;
let cacheFile: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "prelim-cache-"));
  bankFile = path.join(dir, "cached.yaml");
  cacheFile = path.join(dir, "cache", "banks.json");
  fs.writeFileSync(bankFile, BANK);
});

afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Loads the bank with a fresh cache object (as a new process would) and says whether it was parsed. */
async function loadOnce(build = "b1", maxBytes = 1_000_000): Promise<{ parsed: boolean; title: string | undefined }> {
  let parsed = false;
  const cache = openBankCache(cacheFile, build, maxBytes);
  const [loaded] = await loadBanks([bankFile], {
    maxBytes,
    cache,
    onParse: async () => {
      parsed = true;
      return () => {};
    },
  });
  return { parsed, title: loaded?.bank?.title };
}

describe("bank cache", () => {
  it("parses a bank once and then reads it from the cache", async () => {
    expect(await loadOnce()).toEqual({ parsed: true, title: "Cached bank" });
    expect(fs.existsSync(cacheFile)).toBe(true);
    expect(await loadOnce()).toEqual({ parsed: false, title: "Cached bank" });
  });

  it("keeps each bank in a file of its own and reads only the banks asked for", async () => {
    const other = path.join(dir, "other.yaml");
    fs.writeFileSync(other, BANK.replace("id: cached", "id: other").replace("Cached bank", "Other bank"));
    await loadBanks([bankFile, other], { maxBytes: 1_000_000, cache: openBankCache(cacheFile, "b1", 1_000_000) });
    const entryFiles = fs.readdirSync(path.join(dir, "cache", "banks"));
    expect(entryFiles.sort()).toEqual([`${fileHash(bankFile, 1_000_000)}.json`, `${fileHash(other, 1_000_000)}.json`].sort());
    // The stamps file holds no bank.
    expect(fs.readFileSync(cacheFile, "utf8")).not.toContain("Cached bank");
    const read: string[] = [];
    const spy = vi.spyOn(fs, "readFileSync").mockImplementation(((file: fs.PathOrFileDescriptor, ...rest: unknown[]) => {
      read.push(String(file));
      return realRead(file, ...(rest as [BufferEncoding]));
    }) as typeof fs.readFileSync);
    let title: string | undefined;
    try {
      const cache = openBankCache(cacheFile, "b1", 1_000_000);
      title = cache.get(other)?.bank?.title;
    } finally {
      spy.mockRestore();
    }
    expect(title).toBe("Other bank");
    expect(read.filter((file) => file.includes(`${path.sep}banks${path.sep}`))).toEqual([path.join(dir, "cache", "banks", `${fileHash(other, 1_000_000)}.json`)]);
  });

  it("parses again when the file changes", async () => {
    await loadOnce();
    fs.writeFileSync(bankFile, BANK.replace("Cached bank", "Edited bank"));
    expect(await loadOnce()).toEqual({ parsed: true, title: "Edited bank" });
  });

  it("parses again for another build or another size limit", async () => {
    await loadOnce("b1");
    expect((await loadOnce("b2")).parsed).toBe(true);
    expect((await loadOnce("b2", 5)).parsed).toBe(true);
  });

  it("gives a cached bank the path it is named by this time", async () => {
    await loadOnce();
    const cache = openBankCache(cacheFile, "b1", 1_000_000);
    const relative = path.relative(process.cwd(), bankFile);
    expect(cache.get(relative)?.bank?.file).toBe(relative);
  });

  it("ignores a damaged cache file", async () => {
    fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
    fs.writeFileSync(cacheFile, "{ not json");
    expect(await loadOnce()).toEqual({ parsed: true, title: "Cached bank" });
    expect(await loadOnce()).toEqual({ parsed: false, title: "Cached bank" });
  });

  it("takes a bank from the build's cache of built-in banks by its bytes, wherever the file is", async () => {
    const seed = path.join(dir, "builtin-banks.json");
    const loaded = withFile(loadBankFile(bankFile, { maxBytes: 1_000_000 }), "");
    fs.writeFileSync(seed, serializeCache({ [fileHash(bankFile, 1_000_000) as string]: loaded }, "b1", 1_000_000));
    const copy = path.join(dir, "elsewhere.yaml");
    fs.copyFileSync(bankFile, copy);
    const cache = openBankCache(cacheFile, "b1", 1_000_000, { seed });
    expect(cache.get(copy)?.bank?.title).toBe("Cached bank");
    expect(cache.get(copy)?.bank?.file).toBe(copy);
    fs.appendFileSync(copy, "# edited\n");
    expect(openBankCache(cacheFile, "b1", 1_000_000, { seed }).get(copy)).toBeUndefined();
  });

  it("never fails when the cache cannot be written", async () => {
    const blocked = path.join(dir, "a-file");
    fs.writeFileSync(blocked, "");
    const cache = openBankCache(path.join(blocked, "cache", "banks.json"), "b1", 1_000_000);
    const [loaded] = await loadBanks([bankFile], { maxBytes: 1_000_000, cache });
    expect(loaded?.bank?.id).toBe("cached");
  });
});

describe("bank cache by file stamp", () => {
  const later = () => Date.now() + 60_000;

  function countingHash(): { hash: (file: string, maxBytes: number) => string | undefined; calls: () => number } {
    let calls = 0;
    return {
      hash: (file, maxBytes) => {
        calls += 1;
        return fileHash(file, maxBytes);
      },
      calls: () => calls,
    };
  }

  it("does not read an unchanged file again: its hash is found by its stamp", async () => {
    const first = countingHash();
    await loadBanks([bankFile], { maxBytes: 1_000_000, cache: openBankCache(cacheFile, "b1", 1_000_000, { realNow: later, hash: first.hash }) });
    expect(first.calls()).toBe(1);
    const second = countingHash();
    const [loaded] = await loadBanks([bankFile], { maxBytes: 1_000_000, cache: openBankCache(cacheFile, "b1", 1_000_000, { realNow: later, hash: second.hash }) });
    expect(second.calls()).toBe(0);
    expect(loaded?.bank?.title).toBe("Cached bank");
  });

  it("keeps the stamps of files taken from the cache by their hash, so the next run reads none", async () => {
    await loadOnce();
    const first = countingHash();
    await loadBanks([bankFile], { maxBytes: 1_000_000, cache: openBankCache(cacheFile, "b1", 1_000_000, { realNow: later, hash: first.hash }) });
    expect(first.calls()).toBe(1);
    const second = countingHash();
    await loadBanks([bankFile], { maxBytes: 1_000_000, cache: openBankCache(cacheFile, "b1", 1_000_000, { realNow: later, hash: second.hash }) });
    expect(second.calls()).toBe(0);
  });

  it("keeps one bank file and one stamp per bank file however often it is edited, and forgets a removed one", async () => {
    const open = () => openBankCache(cacheFile, "b1", 1_000_000, { realNow: later });
    const other = path.join(dir, "other.yaml");
    fs.writeFileSync(other, BANK.replace("id: cached", "id: other"));
    for (const title of ["One", "Two", "Three"]) {
      fs.writeFileSync(bankFile, BANK.replace("Cached bank", title));
      const [loaded] = await loadBanks([bankFile, other], { maxBytes: 1_000_000, cache: open() });
      expect(loaded?.bank?.title).toBe(title);
    }
    const entries = () => fs.readdirSync(path.join(dir, "cache", "banks")).sort();
    expect(entries()).toEqual([`${fileHash(bankFile, 1_000_000)}.json`, `${fileHash(other, 1_000_000)}.json`].sort());
    const saved = JSON.parse(fs.readFileSync(cacheFile, "utf8")) as { stamps: object; paths: object };
    expect(Object.keys(saved.stamps)).toHaveLength(2);
    expect(Object.keys(saved.paths).sort()).toEqual([bankFile, other].sort());
    // The other file removed: the next save (any change) forgets it and its bank.
    fs.rmSync(other);
    fs.writeFileSync(bankFile, BANK.replace("Cached bank", "Four"));
    await loadBanks([bankFile], { maxBytes: 1_000_000, cache: open() });
    expect(entries()).toEqual([`${fileHash(bankFile, 1_000_000)}.json`]);
    expect(Object.keys((JSON.parse(fs.readFileSync(cacheFile, "utf8")) as { paths: object }).paths)).toEqual([bankFile]);
  });

  it("hashes a file written too recently to trust its stamp, and one whose stamp changed", async () => {
    const recent = countingHash();
    await loadBanks([bankFile], { maxBytes: 1_000_000, cache: openBankCache(cacheFile, "b1", 1_000_000, { hash: recent.hash }) });
    await loadBanks([bankFile], { maxBytes: 1_000_000, cache: openBankCache(cacheFile, "b1", 1_000_000, { hash: recent.hash }) });
    expect(recent.calls()).toBe(2);
    // The same size and, set back by hand, the same modification time: the change time still moves.
    const { mtime } = fs.statSync(bankFile);
    await loadBanks([bankFile], { maxBytes: 1_000_000, cache: openBankCache(cacheFile, "b1", 1_000_000, { realNow: later }) });
    fs.writeFileSync(bankFile, BANK.replace("Cached bank", "Edited bank"));
    fs.utimesSync(bankFile, mtime, mtime);
    const edited = countingHash();
    const [loaded] = await loadBanks([bankFile], { maxBytes: 1_000_000, cache: openBankCache(cacheFile, "b1", 1_000_000, { realNow: () => Date.now() + 120_000, hash: edited.hash }) });
    expect(edited.calls()).toBe(1);
    expect(loaded?.bank?.title).toBe("Edited bank");
  });
});
