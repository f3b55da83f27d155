// The colours of a colour terminal: the six styles' SGR codes, written as chalk wrote them at level 1
// (the 16 colours) before prelim stopped loading it: a style inside one that ends with the same code is
// reopened after it, and every line break is closed before and reopened after.

import { describe, expect, it } from "vitest";
import { plainStyle } from "../../src/core/style.js";
import { makeStyle } from "../../src/ui/color.js";

const ESC = "\u001b";

describe("makeStyle", () => {
  it("without colour is the plain style", async () => {
    expect(await makeStyle(false)).toBe(plainStyle);
  });

  it("with colour wraps text in each style's codes, and leaves an empty string empty", async () => {
    const style = await makeStyle(true);
    expect([style.bold("b"), style.dim("d"), style.red("r"), style.green("g"), style.yellow("y"), style.cyan("c")]).toEqual([
      `${ESC}[1mb${ESC}[22m`,
      `${ESC}[2md${ESC}[22m`,
      `${ESC}[31mr${ESC}[39m`,
      `${ESC}[32mg${ESC}[39m`,
      `${ESC}[33my${ESC}[39m`,
      `${ESC}[36mc${ESC}[39m`,
    ]);
    expect(style.bold("")).toBe("");
  });

  it("reopens a style after an inner one that ends with the same code, and not after another", async () => {
    const style = await makeStyle(true);
    expect(style.bold(`a ${style.dim("b")} c`)).toBe(`${ESC}[1ma ${ESC}[2mb${ESC}[22m${ESC}[1m c${ESC}[22m`);
    expect(style.cyan(style.bold("x"))).toBe(`${ESC}[36m${ESC}[1mx${ESC}[22m${ESC}[39m`);
    expect(style.red(`${style.green("g")}!`)).toBe(`${ESC}[31m${ESC}[32mg${ESC}[39m${ESC}[31m!${ESC}[39m`);
  });

  it("closes the style before each line break and reopens it after, CRLF kept whole", async () => {
    const style = await makeStyle(true);
    expect(style.yellow("one\ntwo\r\nthree")).toBe(`${ESC}[33mone${ESC}[39m\n${ESC}[33mtwo${ESC}[39m\r\n${ESC}[33mthree${ESC}[39m`);
  });
});
