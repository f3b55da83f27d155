// Memory per statement: which items a wrong answer misjudged, a card per item in the fold, the drill's
// checks, and the statements a learner keeps misjudging.

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadBankFile } from "../../src/bank/load-bank.js";
import { logEntryFor, makeAnswer } from "../../src/core/answer.js";
import { questionHeadline, type Question } from "../../src/core/question.js";
import { countDoneToday, dueStatementChecks } from "../../src/core/queue.js";
import type { ReviewLogEntry } from "../../src/core/review.js";
import { foldReviews, type CardState } from "../../src/core/scheduler.js";
import { itemKey, judgedItems, parseItemKey, statementCheck, weakestStatements, type ItemsQuestion } from "../../src/core/statement-memory.js";
import { foldTallies } from "../../src/core/tally.js";
import { parseLogLine, toLogLine } from "../../src/store/log-entry.js";
import { cardsBefore, undoEntry } from "../../src/commands/session/answer-loop.js";
import { FIXTURES, REPO_ROOT, makeTempDir } from "../fixtures/fixtures.js";
import { attemptFrom, completionEntries, reviewEntries, type Attempt } from "../../src/core/attempt.js";
import { scoreAttempt } from "../../src/core/scoring.js";
import { UPSC_MARKING } from "../../src/core/question.js";
import { appendAttempt, readAttempts } from "../../src/store/attempts.js";
import { simulateStatementLearner } from "../fixtures/statement-learner.js";

const loaded = loadBankFile(path.join(FIXTURES, "statement-memory", "memory.yaml"), { maxBytes: 1_000_000 });
if (loaded.bank === undefined) throw new Error(`fixture does not load: ${JSON.stringify(loaded.problems)}`);
const questions = new Map(loaded.bank.questions.map((question) => [question.id, question]));
const question = (id: string) => questions.get(id) as Question;
const items = (id: string) => question(id) as ItemsQuestion;
/** The index of the option printed as `label`. */
const option = (id: string, label: string) => {
  const index = question(id).options.indexOf(label);
  if (index === -1) throw new Error(`${id} has no option "${label}": ${question(id).options.join(" / ")}`);
  return index;
};

const SETTINGS = { desiredRetention: 0.9 };
const DAY = 86_400_000;
const T0 = Date.parse("2026-03-02T09:00:00.000Z");
const at = (days: number) => new Date(T0 + days * DAY);

/** The log entry an answer leaves: `label` chosen for question `id`, `days` after T0. */
function answered(id: string, label: string, days: number): ReviewLogEntry {
  const answer = makeAnswer(question(id), [option(id, label)]);
  const correct = answer.chosen[0] === question(id).answer[0];
  return logEntryFor(answer, { rating: correct ? "good" : "again", mode: "review", at: at(days) });
}

/** A statement check answered: `truth` chosen (true = a), `days` after T0. */
function checked(id: string, item: number, truth: boolean, days: number): ReviewLogEntry {
  const check = statementCheck(items(id), item);
  const answer = makeAnswer(check, [truth ? 0 : 1]);
  const correct = answer.chosen[0] === check.answer[0];
  return logEntryFor(answer, { rating: correct ? "good" : "again", mode: "review", at: at(days) });
}

function fold(entries: readonly ReviewLogEntry[]): Map<string, CardState> {
  return foldReviews(new Map(), entries, SETTINGS);
}

describe("which items an answer misjudged", () => {
  it('"1 and 3 only" chosen against "1 and 2 only": items 2 and 3 misjudged, item 1 right', () => {
    expect(question("which-correct").options[question("which-correct").answer[0] as number]).toBe("1 and 2 only");
    expect(judgedItems(question("which-correct"), [option("which-correct", "1 and 3 only")])).toEqual([true, false, false]);
  });

  it("a right answer judges every item right", () => {
    expect(judgedItems(question("which-correct"), [option("which-correct", "1 and 2 only")])).toEqual([true, true, true]);
  });

  it("which-incorrect: the options name the incorrect statements, and the judgement is the same comparison", () => {
    // Statements 2 and 3 are the incorrect ones; "3 only" takes statement 2 to be correct.
    const right = question("which-incorrect").options[question("which-incorrect").answer[0] as number];
    expect(right).toBe("2 and 3 only");
    expect(judgedItems(question("which-incorrect"), [option("which-incorrect", "3 only")])).toEqual([true, false, true]);
    // "1 and 3 only" takes statement 1 to be incorrect and statement 2 to be correct.
    expect(judgedItems(question("which-incorrect"), [option("which-incorrect", "1 and 3 only")])).toEqual([false, false, true]);
  });

  it("the paper's own codes: code b (2 only) against c (1 and 3 only) misjudges all three pairs", () => {
    expect(question("coded-pairs").answer).toEqual([2]);
    expect(judgedItems(question("coded-pairs"), [1])).toEqual([false, false, false]);
    expect(judgedItems(question("coded-pairs"), [0])).toEqual([true, false, false]);
  });

  it("how-many says nothing item by item, nor does another kind, an unanswered question or an option that does not exist", () => {
    for (const index of question("how-many").options.keys()) expect(judgedItems(question("how-many"), [index])).toBeUndefined();
    expect(judgedItems(question("plain-choice"), [1])).toBeUndefined();
    expect(judgedItems(question("which-correct"), [])).toBeUndefined();
    expect(judgedItems(question("which-correct"), [9])).toBeUndefined();
  });

  it("the log entry carries the judgement; a how-many entry has none", () => {
    expect(answered("which-correct", "1 and 3 only", 0).items).toEqual([true, false, false]);
    expect(answered("how-many", question("how-many").options[0] as string, 0)).not.toHaveProperty("items");
  });
});

describe("a card per item, in the one fold", () => {
  const wrong = answered("which-correct", "1 and 3 only", 0);
  const key = question("which-correct").key;

  it("a wrong answer creates cards for the misjudged items only, each rated Again", () => {
    const cards = fold([wrong]);
    expect(cards.has(itemKey(key, 1))).toBe(false);
    for (const item of [2, 3]) {
      const card = cards.get(itemKey(key, item));
      expect(card?.reps).toBe(1);
      expect(Date.parse(card?.due ?? "")).toBe(at(1).getTime());
    }
  });

  it("a how-many answer records nothing per item", () => {
    const cards = fold([answered("how-many", "Only one", 0)]);
    expect([...cards.keys()]).toEqual([question("how-many").key]);
    const tallies = foldTallies(new Map(), [answered("how-many", "Only one", 0)]);
    expect([...tallies.keys()]).toEqual([question("how-many").key]);
  });

  it("the drill schedules items independently: a check of item 2 moves item 2's card and no other", () => {
    const before = fold([wrong]);
    const after = fold([wrong, checked("which-correct", 2, true, 1)]);
    expect(after.get(itemKey(key, 3))).toEqual(before.get(itemKey(key, 3)));
    expect(after.get(key)).toEqual(before.get(key));
    expect(after.get(itemKey(key, 2))).not.toEqual(before.get(itemKey(key, 2)));
    expect(Date.parse(after.get(itemKey(key, 2))?.due ?? "")).toBeGreaterThan(at(2).getTime());
    // A wrong check brings item 3 back tomorrow while item 2 goes further.
    const mixed = fold([wrong, checked("which-correct", 2, true, 1), checked("which-correct", 3, false, 1)]);
    expect(mixed.get(itemKey(key, 2))).toEqual(after.get(itemKey(key, 2)));
    const missed = fold([wrong, checked("which-correct", 2, true, 1), checked("which-correct", 3, true, 1)]);
    expect(Date.parse(missed.get(itemKey(key, 3))?.due ?? "")).toBeLessThan(Date.parse(missed.get(itemKey(key, 2))?.due ?? ""));
  });

  it("a question comes back sooner while one of its items is weak", () => {
    // Known for weeks, then missed on day 40 and answered right the day after: the question keeps
    // much of its stability, but the two statements it misjudged are new to memory, so the question
    // is due when the weaker of them is; without the item memory it would go further.
    const right = (days: number) => answered("which-correct", "1 and 2 only", days);
    const log = [right(0), right(3), right(12), answered("which-correct", "1 and 3 only", 40), right(41)];
    const withItems = fold(log);
    const withoutItems = fold(log.map(({ items: _items, ...entry }) => entry));
    const due = Date.parse(withItems.get(key)?.due ?? "");
    const itemDues = [2, 3].map((item) => Date.parse(withItems.get(itemKey(key, item))?.due ?? ""));
    expect(due).toBe(Math.min(...itemDues));
    expect(due).toBeLessThan(Date.parse(withoutItems.get(key)?.due ?? ""));
    // With the drill the statements come back alone, and the question keeps its own schedule.
    const drilled = foldReviews(new Map(), log, { ...SETTINGS, statementDrill: true });
    expect(drilled.get(key)).toEqual(withoutItems.get(key));
    expect(drilled.get(itemKey(key, 2))).toEqual(withItems.get(itemKey(key, 2)));
  });

  it("right judgements after the first misjudgement count for the item; items never misjudged have no tally", () => {
    const tallies = foldTallies(new Map(), [wrong, answered("which-correct", "1 and 2 only", 1)]);
    expect(tallies.get(itemKey(key, 1))).toBeUndefined();
    expect(tallies.get(itemKey(key, 2))).toMatchObject({ answers: 2, correct: 1 });
    expect(tallies.get(key)).toMatchObject({ answers: 2, correct: 1 });
  });

  it("an undo puts the item cards and tallies back as they were", () => {
    const first = [wrong];
    const cards = fold(first);
    const second = answered("which-correct", "2 and 3 only", 1);
    const undo = undoEntry(second, cardsBefore((k) => cards.get(k), second), at(1.01));
    expect(undo.restoreItems).toHaveLength(3);
    expect(fold([...first, second, undo])).toEqual(cards);
    const tallies = foldTallies(new Map(), [...first, second, undo]);
    expect(tallies).toEqual(foldTallies(new Map(), first));
  });

  it("a crammed answer (reschedule: false) starts no item's card nor its tally, and counts for items already followed", () => {
    const crammed = { ...wrong, reschedule: false as const };
    expect(fold([crammed]).size).toBe(0);
    expect([...foldTallies(new Map(), [crammed]).keys()]).toEqual([key]);
    const later = { ...answered("which-correct", "2 and 3 only", 1), reschedule: false as const };
    const tallies = foldTallies(new Map(), [wrong, later]);
    expect(tallies.get(itemKey(key, 1))).toBeUndefined();
    expect(tallies.get(itemKey(key, 2))).toMatchObject({ answers: 2, correct: 1 });
  });

  it("statement checks count against neither daily limit", () => {
    const entries = [wrong, checked("which-correct", 2, true, 0), checked("which-correct", 3, true, 0)];
    expect(countDoneToday(foldTallies(new Map(), entries), at(0))).toEqual({ newCards: 1, reviews: 0 });
  });
});

describe("a mock's answers", () => {
  it("carry the judgements, and a submission completed after a crash carries the same, through the attempts file", () => {
    const answers = [makeAnswer(question("which-correct"), [option("which-correct", "1 and 3 only")]), makeAnswer(question("how-many"), [0])];
    const result = scoreAttempt(answers, UPSC_MARKING);
    const attempt = { ...attemptFrom(result, { at: at(0), banks: ["memory"], seed: 1, scripted: true }), id: "a-1" };
    const submitted = reviewEntries(result, at(0), "a-1");
    expect(submitted[0]?.items).toEqual([true, false, false]);
    const temp = makeTempDir();
    try {
      appendAttempt(temp.dir, attempt);
      const [read] = readAttempts(temp.dir).attempts;
      expect(completionEntries(read as Attempt, new Set())).toEqual(submitted);
    } finally {
      temp.remove();
    }
  });
});

describe("the log line", () => {
  it("keeps the judgement and an undo's item cards through a write and a read", () => {
    const wrong = answered("which-correct", "1 and 3 only", 0);
    const parsed = parseLogLine(toLogLine(wrong).trimEnd(), at(1));
    expect(parsed).toEqual({ ok: true, entry: wrong });
    const cards = fold([wrong]);
    const undo = undoEntry(wrong, cardsBefore(() => undefined, wrong), at(0.01));
    expect(parseLogLine(toLogLine(undo).trimEnd(), at(1))).toEqual({ ok: true, entry: undo });
    expect(fold([wrong, undo]).size).toBe(0);
    expect(cards.size).toBe(3);
  });

  it("drops judgements that do not fit and keeps the answer", () => {
    for (const items of [[true], "yes", [1, 0, 0], Array.from({ length: 9 }, () => true)]) {
      const line = JSON.stringify({ ...answered("which-correct", "1 and 3 only", 0), items });
      const parsed = parseLogLine(line, at(1));
      expect(parsed.ok).toBe(true);
      if (parsed.ok) expect(parsed.entry).not.toHaveProperty("items");
    }
  });
});

describe("the drill", () => {
  it("asks each item alone as true/false under its own key, with the question's explanation", () => {
    const check = statementCheck(items("which-correct"), 3);
    expect(check.key).toBe("memory/which-correct#3");
    expect(parseItemKey(check.key)).toEqual({ questionKey: "memory/which-correct", item: 3 });
    expect(check.truth).toBe(false);
    expect(check.answer).toEqual([1]);
    expect(check.question).toContain("3. It is a Chinese state agency.");
    expect(check.question).toContain("Is this statement correct?");
    expect(check.explanation).toBe(question("which-correct").explanation);
    const pair = statementCheck(items("coded-pairs"), 2);
    expect(pair.question).toContain("Lynas — China");
    expect(pair.question).toContain("(Organisation — Country)");
    expect(pair.truth).toBe(false);
  });

  it("brings back the misjudged items when their cards fall due, most overdue first", () => {
    const log = [answered("which-correct", "1 and 3 only", 0), answered("coded-pairs", "2 only", 0.5)];
    const cards = fold(log);
    const all = [...questions.values()];
    expect(dueStatementChecks(all, cards, at(0.6)).map((check) => check.key)).toEqual([]);
    expect(dueStatementChecks(all, cards, at(1)).map((check) => check.key)).toEqual([
      "memory/which-correct#2",
      "memory/which-correct#3",
      "memory/coded-pairs#1",
      "memory/coded-pairs#2",
      "memory/coded-pairs#3",
    ]);
  });

  it("lists the statements misjudged most, with their text", () => {
    const log = [
      answered("which-correct", "1 and 3 only", 0),
      checked("which-correct", 3, true, 1),
      checked("which-correct", 3, true, 2),
      answered("which-incorrect", "3 only", 0),
      checked("which-incorrect", 2, false, 1),
    ];
    const weakest = weakestStatements(questions.values(), foldTallies(new Map(), log), 5);
    expect(weakest.map((row) => [row.key, row.misjudged, row.judged])).toEqual([
      ["memory/which-correct#3", 3, 3],
      ["memory/which-correct#2", 1, 1],
      ["memory/which-incorrect#2", 1, 2],
    ]);
    expect(weakest[0]).toMatchObject({ text: "It is a Chinese state agency.", correct: false, kind: "statement" });
  });
});

describe("a simulated learner of statements (tests/fixtures/statement-learner.ts)", () => {
  // 300 three-statement questions over 120 days, 6 new a day; 40% of statements known before, 20% hard
  // (forgotten far faster). The README quotes these runs.
  const run = (mode: "off" | "items" | "drill") =>
    simulateStatementLearner({ seed: 7, questions: 300, days: 120, start: new Date("2026-01-05T00:00:00Z"), newPerDay: 6, mode, knownBefore: 0.4, hardChance: 0.2 });
  const off = run("off");
  const items = run("items");
  const drill = run("drill");

  it("memory per statement costs little: under 10% more answers, and recall on the exam day no lower", () => {
    expect(items.answers).toBeLessThan(off.answers * 1.1);
    expect(items.examDayAccuracy).toBeGreaterThan(off.examDayAccuracy - 0.01);
  });

  it("the README quotes these runs", () => {
    const readme = fs.readFileSync(path.join(REPO_ROOT, "README.md"), "utf8").replace(/\s+/g, " ");
    const count = (n: number) => n.toLocaleString("en-US");
    expect(readme).toContain(`**${off.examDayAccuracy.toFixed(3)}** without memory per statement (${count(off.answers)} answers)`);
    expect(readme).toContain(`**${items.examDayAccuracy.toFixed(3)}** with it (${count(items.answers)} answers)`);
    expect(readme).toContain(`**${drill.examDayAccuracy.toFixed(3)}** with the drill (${count(drill.answers - drill.checks)} answers to questions plus ${count(drill.checks)} checks)`);
  });

  it("the drill asks each misjudged statement alone, on top of the questions", () => {
    expect(drill.checks).toBeGreaterThan(0);
    expect(drill.answers - drill.checks).toBeLessThan(off.answers * 1.1);
    expect(drill.examDayAccuracy).toBeGreaterThan(off.examDayAccuracy - 0.01);
  });
});

describe("questionHeadline", () => {
  it("adds the first item to a stem that is only a lead-in, so two such questions in a list differ", () => {
    expect(questionHeadline(question("which-correct"))).toBe("Consider the following statements about JOGMEC: 1. It invests in overseas mining projects.");
    expect(questionHeadline(question("coded-pairs"))).toBe("Consider the following pairs: 1. METI — Japan");
    expect(questionHeadline(question("plain-choice"))).toBe("Which ministry leads Japan's rare-earth strategy?");
  });
});
