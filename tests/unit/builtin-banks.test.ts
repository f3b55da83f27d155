// The built-in banks in questions/: what the product promises about them (issues 3 and 11), checked on the
// banks as the real loader reads them, so a rule the validator enforces is not written twice here. The
// raw YAML is read only for what the model does not keep (whether a question gave the paper's own codes).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadBankFile } from "../../src/bank/load-bank.js";
import type { Bank, Question } from "../../src/core/question.js";

const folder = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "questions");
const files = readdirSync(folder)
  .filter((name) => name.endsWith(".yaml"))
  .sort();
const loaded = files.map((name) => ({ name, ...loadBankFile(path.join(folder, name), { maxBytes: 20_000_000 }) }));
const banks: Bank[] = loaded.flatMap((entry) => (entry.bank ? [entry.bank] : []));
const all: Question[] = banks.flatMap((bank) => bank.questions);
const count = (predicate: (question: Question) => boolean): number => all.filter(predicate).length;

/** Question keys whose YAML gives `codes`: the model turns them into options and keeps no trace. */
const withCodes = new Set(
  files.flatMap((file) => {
    const raw = parse(readFileSync(path.join(folder, file), "utf8")) as { id: string; questions: { id: string; codes?: unknown }[] };
    return raw.questions.filter((question) => question.codes !== undefined).map((question) => `${raw.id}/${question.id}`);
  }),
);

const BEYOND_BEIJING = "Beyond Beijing: Japan's Rare Earths Blueprint for the World";
const STRATEGIC_BREAK = "Japan's Strategic Break from China's Rare Earth Grip";

describe("built-in banks", () => {
  it("all load with no problem at all, warnings included", () => {
    expect(files.length).toBeGreaterThan(0);
    expect(loaded.flatMap((entry) => entry.problems.map((problem) => `${entry.name}:${problem.line}:${problem.col} ${problem.rule}`))).toEqual([]);
    expect(banks).toHaveLength(files.length);
  });

  it("hold 121 questions, at least 120", () => {
    expect(all).toHaveLength(121);
  });

  it("pin the count of each kind, with no true-false and no several-answer question", () => {
    const kinds: Record<string, number> = {};
    for (const question of all) kinds[question.kind] = (kinds[question.kind] ?? 0) + 1;
    expect(kinds).toEqual({ choice: 33, statements: 47, pairs: 10, assertion: 22, match: 9 });
    expect(count((question) => question.kind === "true-false")).toBe(0);
    expect(count((question) => question.answer.length !== 1 || (question.kind === "choice" && question.multiple))).toBe(0);
  });

  it("pin the ask styles of statements and pairs, some with the paper's codes and some in Roman numbering", () => {
    const upsc = all.filter((question) => question.kind === "statements" || question.kind === "pairs");
    const asks: Record<string, number> = {};
    for (const question of upsc) asks[question.ask] = (asks[question.ask] ?? 0) + 1;
    expect(asks).toEqual({ "which-correct": 25, "which-incorrect": 6, "how-many": 26 });
    expect(upsc.filter((question) => withCodes.has(question.key))).toHaveLength(9);
    expect(upsc.filter((question) => question.numbering === "roman")).toHaveLength(9);
    expect(upsc.length / all.length).toBeGreaterThanOrEqual(0.45);
  });

  it("ask at least 15 Statement-I/II questions, 8 of them with three statements, and at least 8 List-I/List-II", () => {
    const assertions = all.filter((question) => question.kind === "assertion");
    expect(assertions.length).toBeGreaterThanOrEqual(15);
    expect(assertions.filter((question) => question.reasons.length === 2)).toHaveLength(8);
    expect(count((question) => question.kind === "match")).toBeGreaterThanOrEqual(8);
  });

  it.each([
    ["senkaku-2010", 19, 15],
    ["meti", 22, 15],
    ["urban-mining", 24, 15],
    ["jogmec", 10, 8],
    ["lynas", 11, 8],
    ["china-dominance", 14, 1],
    ["india", 6, 1],
    ["progress", 5, 1],
  ] as const)("have %s questions tagged %s (bank tags included; at least %s)", (tag, pinned, minimum) => {
    const tagged = count((question) => question.tags.includes(tag));
    expect(tagged).toBe(pinned);
    expect(tagged).toBeGreaterThanOrEqual(minimum);
  });

  it("pin the spread of difficulty", () => {
    const spread: Record<string, number> = {};
    for (const question of all) spread[String(question.difficulty)] = (spread[String(question.difficulty)] ?? 0) + 1;
    expect(spread).toEqual({ easy: 40, medium: 59, hard: 22 });
  });

  it("spread the right letters of choice questions across a to d", () => {
    const letters = [0, 0, 0, 0];
    for (const question of all) if (question.kind === "choice") letters[question.answer[0] ?? 0]!++;
    for (const [letter, n] of letters.entries()) expect(n, "abcd"[letter]).toBeGreaterThanOrEqual(6);
  });

  it("give every question an explanation, a source naming one of the two articles, and a difficulty", () => {
    const missing = all
      .filter((question) => !question.explanation?.trim() || !(question.source?.startsWith(BEYOND_BEIJING) || question.source?.startsWith(STRATEGIC_BREAK)) || question.difficulty === undefined)
      .map((question) => question.key);
    expect(missing).toEqual([]);
  });

  it("start every file with the schema comment, and name each bank as its file", () => {
    for (const file of files) expect(readFileSync(path.join(folder, file), "utf8").split("\n")[0], file).toBe("# yaml-language-server: $schema=../schema/bank.schema.json");
    expect(banks.map((bank) => `${bank.id}.yaml`)).toEqual(files);
  });

  it("never repeat a question: the same stem, items and options", () => {
    const seen = new Map<string, string>();
    const repeats: string[] = [];
    for (const question of all) {
      // Everything the learner reads; ids, explanations and tags may differ and it is still a repeat.
      const { bank: _bank, id: _id, key: _key, explanation: _explanation, source: _source, tags: _tags, difficulty: _difficulty, ...shown } = question;
      const key = JSON.stringify({ ...shown, question: question.question.trim().toLowerCase() });
      const first = seen.get(key);
      if (first !== undefined) repeats.push(`${question.key} repeats ${first}`);
      else seen.set(key, question.key);
    }
    expect(repeats).toEqual([]);
  });
});
