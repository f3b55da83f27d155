// The exporters' escaping: no text from a bank becomes another format's syntax.

import { describe, expect, it } from "vitest";
import { parseGift } from "../../src/bank/import/gift.js";
import { parseCsv, parseCsvRows } from "../../src/bank/import/csv.js";
import { ankiField } from "../../src/report/export/anki.js";
import { renderCsv } from "../../src/report/export/csv.js";
import { giftText, renderGift } from "../../src/report/export/gift.js";
import type { Bank } from "../../src/core/question.js";
import { choice } from "./report-fixtures.js";

const TEXT = 'a "b", c\td\n{=~#:} <i>&\u001b[2J';

function bank(): Bank {
  return { id: "b", title: "B", file: "b.yaml", sources: [], tags: [], questions: [choice("q", [TEXT, "plain", "other"], ["a", "c"], ["t"], { bank: "b", question: TEXT, explanation: TEXT })] };
}

describe("export escaping", () => {
  it("anki: HTML-escaped, no tab or newline, no control", () => {
    expect(ankiField(TEXT)).toBe("a &quot;b&quot;, c d<br>{=~#:} &lt;i&gt;&amp;[2J");
  });
  it("gift: specials escaped, and the text reads back the same", () => {
    expect(giftText("{=~#:}\\")).toBe("\\{\\=\\~\\#\\:\\}\\\\");
    const [back] = parseGift(renderGift([bank()]).text).questions;
    expect(back?.question).toBe('a "b", c d\n{=~#:} <i>&[2J');
    expect(back?.kind === "choice" && [back.answer, back.multiple]).toEqual([[0, 2], true]);
    expect(back?.explanation).toBe('a "b", c d\n{=~#:} <i>&[2J');
  });
  it("csv: quoted where needed, and reads back the same", () => {
    const rows = parseCsvRows(renderCsv([bank()]).text);
    expect(rows[0]?.cells).toEqual(["question", "a", "b", "c", "d", "answer", "explanation", "source", "tags", "difficulty"]);
    expect(rows[1]?.cells.slice(0, 6)).toEqual(['a "b", c\td\n{=~#:} <i>&[2J', 'a "b", c\td\n{=~#:} <i>&[2J', "plain", "other", "", "a;c"]);
  });
  it("csv: a cell a spreadsheet would run as a formula is written as text, and imports back as written", () => {
    const formulas = ['=HYPERLINK("http://x","click")', "+1+2", "-3", "'@SUM(A1)"];
    const hostile: Bank = { ...bank(), questions: [choice("f", formulas, ["a"], ["t"], { bank: "b", question: "=1+1", explanation: "@x" })] };
    const text = renderCsv([hostile]).text;
    const [, row] = parseCsvRows(text);
    expect(row?.cells.slice(0, 5)).toEqual(["'=1+1", "'=HYPERLINK(\"http://x\",\"click\")", "'+1+2", "'-3", "''@SUM(A1)"]);
    const [back] = parseCsv(text).questions;
    expect(back?.question).toBe("=1+1");
    expect(back?.kind === "choice" && back.options).toEqual(formulas);
    expect(back?.explanation).toBe("@x");
  });
});
