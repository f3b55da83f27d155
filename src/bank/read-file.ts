// Bytes in, text out: the checks that must happen before any YAML is parsed. yaml needs about 70 MB of
// heap per MB of input (RELIABILITY.md, fact 3), so the size cap is applied from stat, before reading.

import fs from "node:fs";
import { isUtf8 } from "node:buffer";
import type { Position } from "./problem.js";

export const DEFAULT_MAX_BANK_MB = 20;

/** What a file read here is, for messages: banks and answer files share the reader and its limit. */
export interface FileKind {
  /** "a bank", "an answer file". */
  readonly name: string;
  /** Whose limit it is, after "over the 20.0 MB limit": nothing for banks, whose limit the name says. */
  readonly limitOf: string;
  /** What to do about a file over the size limit. */
  readonly tooLarge: string;
}

export const BANK_FILE: FileKind = { name: "a bank", limitOf: "", tooLarge: "split the bank, or raise PRELIM_MAX_BANK_MB" };
export const ANSWER_FILE: FileKind = {
  name: "an answer file",
  limitOf: " for an answer file",
  tooLarge: "raise PRELIM_MAX_BANK_MB, which sets it",
};

export type ReadResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly rule: string; readonly message: string; readonly at?: Position };

/** The size cap from `PRELIM_MAX_BANK_MB`, or 20 MB. */
export function maxBankBytes(env: NodeJS.ProcessEnv): number {
  const value = Number(env.PRELIM_MAX_BANK_MB);
  const megabytes = env.PRELIM_MAX_BANK_MB !== undefined && value > 0 ? value : DEFAULT_MAX_BANK_MB;
  return Math.floor(megabytes * 1024 * 1024);
}

export function readBankText(file: string, maxBytes: number, kind: FileKind = BANK_FILE): ReadResult {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    return { ok: false, rule: "unreadable", message: `cannot read the file: ${describeFsError(error)}` };
  }
  // A device or a pipe reports size 0 and then never ends (/dev/zero) or never starts (a FIFO).
  if (!stat.isFile()) {
    return { ok: false, rule: "unreadable", message: `cannot read the file: ${stat.isDirectory() ? "it is a folder" : "it is not a regular file"}` };
  }
  const size = stat.size;
  if (size > maxBytes) {
    return {
      ok: false,
      rule: "file-too-large",
      message: `the file is ${sizeText(size)}, ${overLimit(maxBytes, kind)}`,
    };
  }
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    return { ok: false, rule: "unreadable", message: `cannot read the file: ${describeFsError(error)}` };
  }
  return decodeBankBytes(bytes, kind);
}

/** "over the 20.0 MB limit; split the bank, or …": the same words for a file and a stream. */
export function overLimit(maxBytes: number, kind: FileKind): string {
  return `over the ${sizeText(maxBytes)} limit${kind.limitOf}; ${kind.tooLarge}`;
}

/** "2.0 KB" or "25.3 MB": a cap below a megabyte would otherwise read "0.0 MB". */
function sizeText(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function decodeBankBytes(bytes: Buffer, kind: FileKind = BANK_FILE): ReadResult {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return {
      ok: false,
      rule: "encoding",
      message: `the file holds a NUL byte at byte offset ${nul}: ${kind.name} is UTF-8 text`,
      at: positionOfByte(bytes, nul),
    };
  }
  if (!isUtf8(bytes)) {
    const bad = firstInvalidUtf8Byte(bytes);
    return {
      ok: false,
      rule: "encoding",
      message: `the file is not valid UTF-8 (byte offset ${bad}); save it as UTF-8`,
      at: positionOfByte(bytes, bad),
    };
  }
  const text = bytes.toString("utf8");
  // A byte-order mark is allowed and dropped.
  return { ok: true, text: text.startsWith("\uFEFF") ? text.slice(1) : text };
}

/** Line and column (in characters) of a byte offset, for pointing at a bad byte. */
function positionOfByte(bytes: Buffer, offset: number): Position {
  const before = bytes.subarray(0, offset);
  const lineStart = before.lastIndexOf(0x0a) + 1;
  let line = 1;
  for (const byte of before) if (byte === 0x0a) line++;
  const col = bytes.subarray(lineStart, offset).toString("utf8").length + 1;
  return { line, col };
}

/** The offset of the first byte that breaks UTF-8; only called once isUtf8 has said there is one. */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i] as number;
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    if (length > 1 && !isUtf8(bytes.subarray(i, i + length))) return i;
    i += length;
  }
  return bytes.length;
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "ENOENT":
      return "no such file or folder";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "it is a folder";
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
