import fs from "node:fs"; import path from "node:path"; import { it } from "vitest";
import { loadBankFile } from "../../src/bank/load-bank.js";
import { createExam, goTo } from "../../src/core/exam.js";
import { isMultiAnswer } from "../../src/core/question.js";
import { presentQuestion } from "../../src/core/session.js";
import { plainStyle } from "../../src/core/style.js";
import { drawExam } from "../../src/ui/exam-view.js";
it("shows", () => {
  const F = path.join(import.meta.dirname, "..", "..", "questions");
  const qs = fs.readdirSync(F).flatMap((f) => loadBankFile(path.join(F, f), { maxBytes: 20 * 1024 * 1024 }).bank?.questions ?? []);
  const p = qs.map((q) => presentQuestion(q, 3));
  const i = qs.findIndex((q) => q.kind === "assertion");
  const st = goTo(createExam(p.map((x) => ({ options: x.order.length, multiple: isMultiAnswer(x.question) })), 0), i, 0);
  for (const [w, h, scroll] of [[39, 15, 0], [39, 15, 4], [59, 20, 0], [99, 50, 0]] as const)
    console.log(`---- ${w}x${h}\n` + drawExam({ questions: p, state: st, remainingMs: 7_187_000, mode: "question", typed: "", cursor: i, title: "Mock test · 9 banks", style: plainStyle, width: w, height: h, scroll }).text);
});
