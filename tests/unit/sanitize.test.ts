// The output gate for text from outside: no terminal control survives raw (RELIABILITY.md, fact 4).

import { describe, expect, it } from "vitest";
import { sanitize, sanitizeLine, terminalSafeJson } from "../../src/core/sanitize.js";

/** Every character a terminal could act on, except newline and tab. */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/;

describe("sanitize", () => {
  it.each([
    ["clear screen ESC[2J", "a\x1b[2Jb", "a^[[2Jb"],
    ["OSC 52 clipboard write", "\x1b]52;c;aGVsbG8=\x07", "^[]52;c;aGVsbG8=^G"],
    ["OSC 8 hyperlink", "\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\", "^[]8;;https://evil.example^[\\click^[]8;;^[\\"],
    ["unterminated title ESC]0;", "\x1b]0;pwned title", "^[]0;pwned title"],
    ["C1 CSI \\x9b", "a\x9b2Jb", "a\\u{9b}2Jb"],
    ["C1 NEL \\x85 and OSC \\x9d", "\x85\x9d", "\\u{85}\\u{9d}"],
    ["carriage return", "safe\rEVIL", "safe^MEVIL"],
    ["backspace", "abc\b\b\bxyz", "abc^H^H^Hxyz"],
    ["BEL", "ding\x07", "ding^G"],
    ["right-to-left override U+202E", "file\u202Etxt.exe", "file\\u{202e}txt.exe"],
    ["other direction controls", "\u200e\u200f\u2066\u2069\u061c", "\\u{200e}\\u{200f}\\u{2066}\\u{2069}\\u{61c}"],
    ["DEL", "x\x7fy", "x^?y"],
    ["NUL", "x\x00y", "x^@y"],
    ["vertical tab and form feed", "\x0b\x0c", "^K^L"],
  ])("%s", (_, input, output) => {
    const clean = sanitize(input);
    expect(clean).toBe(output);
    expect(clean).not.toMatch(RAW_CONTROL);
  });

  it("keeps newline and tab", () => {
    expect(sanitize("one\n\ttwo\n")).toBe("one\n\ttwo\n");
  });

  it.each([
    ["Devanagari", "प्रारंभिक परीक्षा"],
    ["Japanese", "尖閣諸島のレアアース"],
    ["punctuation", "Senkaku — 2010 “shock” … ‘quoted’ ±½ €"],
    ["emoji and combining marks", "👍🏽 é e\u0301"],
    ["Arabic, written right to left by itself", "مرحبا"],
  ])("leaves %s untouched", (_, text) => {
    expect(sanitize(text)).toBe(text);
    expect(sanitizeLine(text)).toBe(text);
  });

  it("leaves nothing raw in every code point from 0 to 0x2100", () => {
    const all = Array.from({ length: 0x2100 }, (_, code) => String.fromCharCode(code)).join("");
    expect(sanitize(all)).not.toMatch(RAW_CONTROL);
  });
});

describe("sanitizeLine", () => {
  it("shows newline and tab too, so a field stays on its line", () => {
    expect(sanitizeLine("a\nb\tc\r\x1b[2J")).toBe("a^Jb^Ic^M^[[2J");
  });
});

describe("terminalSafeJson", () => {
  const hostile = { title: "a\x1b[2J b\x9b c\u202e d\x7f e\u2028 f\x00 g\n", plain: "नमस्ते — 日本" };

  it("writes no raw control, and reads back as the same data", () => {
    const json = terminalSafeJson(hostile, 2);
    expect(json).not.toMatch(RAW_CONTROL);
    expect(json).not.toMatch(/[\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(hostile);
    expect(json).toContain("\\u009b");
    expect(json).toContain("\\u202e");
    expect(json).toContain("नमस्ते — 日本");
  });

  it("is JSON.stringify where nothing needs escaping", () => {
    const plain = { banks: [{ id: "a", tags: { x: 1 } }] };
    expect(terminalSafeJson(plain, 2)).toBe(JSON.stringify(plain, null, 2));
    expect(terminalSafeJson(plain)).toBe(JSON.stringify(plain));
  });
});
