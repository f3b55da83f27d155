// Bytes before YAML: the size cap, UTF-8 and NUL checks with the byte offset, a BOM and CRLF accepted.

import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadBankFile } from "../../src/bank/load-bank.js";
import { DEFAULT_MAX_BANK_MB, decodeBankBytes, firstInvalidUtf8Byte, maxBankBytes, readBankText } from "../../src/bank/read-file.js";
import { bankFixture, briefs, makeTempDir, readFixture } from "../fixtures/fixtures.js";

const MB = 1024 * 1024;
let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

function write(name: string, content: string | Buffer): string {
  const file = path.join(temp.dir, name);
  fs.writeFileSync(file, content);
  return file;
}

describe("the size cap", () => {
  it.each([
    [{}, DEFAULT_MAX_BANK_MB * MB],
    [{ PRELIM_MAX_BANK_MB: "0.001" }, 1048],
    [{ PRELIM_MAX_BANK_MB: "2" }, 2 * MB],
    [{ PRELIM_MAX_BANK_MB: "0" }, DEFAULT_MAX_BANK_MB * MB],
    [{ PRELIM_MAX_BANK_MB: "-1" }, DEFAULT_MAX_BANK_MB * MB],
    [{ PRELIM_MAX_BANK_MB: "lots" }, DEFAULT_MAX_BANK_MB * MB],
  ])("PRELIM_MAX_BANK_MB %j gives %i bytes", (env, bytes) => {
    expect(maxBankBytes(env)).toBe(bytes);
  });

  it("refuses a file over the cap before reading it as YAML", () => {
    // Broken YAML too: had it been parsed, a yaml-syntax problem would show.
    const file = write("big.yaml", `\tbroken: [\n${"# padding\n".repeat(200)}`);
    const loaded = loadBankFile(file, { maxBytes: maxBankBytes({ PRELIM_MAX_BANK_MB: "0.001" }) });
    expect(briefs(loaded.problems)).toEqual(["1:1 error file-too-large"]);
    expect(loaded.problems[0]?.message).toMatch(/^the file is 2\.0 KB, over the 1\.0 KB limit; split the bank, or raise PRELIM_MAX_BANK_MB$/);
  });

  it("reads a file exactly at the cap", () => {
    const text = readFixture("valid", "basic.yaml");
    const file = write("exact.yaml", text);
    expect(readBankText(file, Buffer.byteLength(text))).toEqual({ ok: true, text });
  });

  it("names a missing file as unreadable", () => {
    const loaded = loadBankFile(path.join(temp.dir, "missing.yaml"), { maxBytes: MB });
    expect(briefs(loaded.problems)).toEqual(["1:1 error unreadable"]);
    expect(loaded.problems[0]?.message).toBe("cannot read the file: no such file or folder");
  });
});

describe("encoding", () => {
  const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((part) => (typeof part === "string" ? Buffer.from(part) : Buffer.from(part))));

  it.each([
    // "title: caf" is 10 characters on line 2, which starts at byte 6.
    ["a Latin-1 byte", bytes("id: x\ntitle: caf", [0xe9], "\n"), 16, "2:11"],
    // Columns count characters: "é" is two bytes but one column.
    ["a stray byte after a multi-byte character", bytes("id: x\ntitle: é", [0xff], "\n"), 15, "2:9"],
    ["an overlong encoding", bytes("id: x\n", [0xc0, 0xaf]), 6, "2:1"],
    ["an encoded surrogate", bytes("id: ", [0xed, 0xa0, 0x80]), 4, "1:5"],
    ["a truncated sequence at the end", bytes("id: x\ntitle: ", [0xe2, 0x82]), 13, "2:8"],
  ])("refuses %s with its byte offset", (_, content, offset, at) => {
    const loaded = loadBankFile(write("bad.yaml", content), { maxBytes: MB });
    expect(briefs(loaded.problems)).toEqual([`${at} error encoding`]);
    expect(loaded.problems[0]?.message).toBe(`the file is not valid UTF-8 (byte offset ${offset}); save it as UTF-8`);
    expect(firstInvalidUtf8Byte(content)).toBe(offset);
  });

  it("refuses a NUL byte with its byte offset", () => {
    const loaded = loadBankFile(write("nul.yaml", bytes("id: x\ntitle: a", [0], "b\n")), { maxBytes: MB });
    expect(briefs(loaded.problems)).toEqual(["2:9 error encoding"]);
    expect(loaded.problems[0]?.message).toBe("the file holds a NUL byte at byte offset 14: a bank is UTF-8 text");
  });

  it("accepts a byte-order mark and CRLF line ends, and keeps positions right", () => {
    const basic = readFixture("valid", "basic.yaml");
    const crlf = `\uFEFF${basic.replace(/\n/g, "\r\n")}`;
    expect(crlf).toContain("\r\n");
    const loaded = loadBankFile(write("bom-crlf.yaml", crlf), { maxBytes: MB });
    expect(loaded.problems).toEqual([]);
    expect(loaded.bank?.questions.map((question) => question.id)).toEqual(["capital", "sky-blue", "rivers", "founders"]);
    // No stray \r at the end of any text.
    expect(loaded.bank?.title).toBe("A basic bank");
    expect(loaded.bank?.questions[0]?.options).toEqual(["Paris", "Lyon", "Marseille"]);

    const typo = `\uFEFF${readFixture("rules", "unknown-key.yaml").replace(/\n/g, "\r\n")}`;
    const typoLoaded = loadBankFile(write("typo-crlf.yaml", typo), { maxBytes: MB });
    expect(briefs(typoLoaded.problems)).toEqual(["4:5 error required", "7:5 error unknown-key"]);
  });

  it("decodes a BOM away and leaves other text as it is", () => {
    expect(decodeBankBytes(Buffer.from("\uFEFFid: x\n"))).toEqual({ ok: true, text: "id: x\n" });
    expect(decodeBankBytes(Buffer.from("id: नमस्ते — 日本\n"))).toEqual({ ok: true, text: "id: नमस्ते — 日本\n" });
  });

  it("the fixture the BOM test starts from is itself a clean bank", () => {
    expect(loadBankFile(bankFixture("valid", "basic.yaml"), { maxBytes: MB }).problems).toEqual([]);
  });
});
