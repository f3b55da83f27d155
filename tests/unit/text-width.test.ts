// How wide messages are laid out: a terminal's width (kept between 40 and 100), none to a pipe, where a
// message stays one line for whatever reads it.
import { describe, expect, it } from "vitest";
import { fitLines } from "../../src/report/text.js";
import { messageWidth, textWidth } from "../../src/ui/text-width.js";

const output = (isTTY: boolean, columns?: number) => ({ write: () => true, isTTY, ...(columns !== undefined && { columns }) });

describe("messageWidth", () => {
  it("is the terminal's layout width at a terminal, and no limit to a pipe", () => {
    expect(messageWidth(output(true, 40))).toBe(textWidth(output(true, 40)));
    expect(messageWidth(output(true, 60))).toBe(58);
    expect(messageWidth(output(true, 200))).toBe(98);
    expect(messageWidth(output(false, 40))).toBe(Number.POSITIVE_INFINITY);
  });

  it("keeps a long message within 40 columns at a terminal of 40, and whole on one line to a pipe", () => {
    const message = "Discarded the unfinished mock test 20261201-141730-1: nothing of it was scored or recorded.";
    const wrapped = fitLines([message], messageWidth(output(true, 40)));
    expect(wrapped.length).toBeGreaterThan(1);
    for (const line of wrapped) expect(line.length).toBeLessThanOrEqual(40);
    expect(fitLines([message], messageWidth(output(false)))).toEqual([message]);
  });
});
