// The built-in banks in questions/: what the product promises about them (issue 3). Self-contained on
// `yaml` so it checks the files as written; the real loader is exercised by its own tests.
import { readdirSync, readFileSync } from "node:fs";
import { describe, it, expect } from "vitest";
import { parse } from "yaml";

interface RawQuestion {
  id?: unknown;
  question?: unknown;
  options?: unknown;
  answer?: unknown;
  statements?: unknown;
  pairs?: unknown;
  ask?: unknown;
  tags?: unknown;
  explanation?: unknown;
  source?: unknown;
  difficulty?: unknown;
}

interface RawBank {
  id?: unknown;
  title?: unknown;
  source?: unknown;
  tags?: unknown;
  questions?: unknown;
}

interface Loaded {
  file: string;
  bank: RawBank;
  questions: RawQuestion[];
}

const folder = new URL("../../questions/", import.meta.url);
const files = readdirSync(folder)
  .filter((name) => name.endsWith(".yaml"))
  .sort();

const banks: Loaded[] = files.map((file) => {
  const bank = parse(readFileSync(new URL(file, folder), "utf8")) as RawBank;
  const questions = Array.isArray(bank.questions) ? (bank.questions as RawQuestion[]) : [];
  return { file, bank, questions };
});

const all = banks.flatMap(({ bank, questions }) => questions.map((question) => ({ bank, question })));
const total = all.length;

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

function tagsOf(bank: RawBank, question: RawQuestion): Set<string> {
  return new Set([...stringList(bank.tags), ...stringList(question.tags)]);
}

function kindOf(question: RawQuestion): "choice" | "true-false" | "statements" | "pairs" | "unknown" {
  if (question.statements !== undefined) return "statements";
  if (question.pairs !== undefined) return "pairs";
  if (question.options !== undefined) return "choice";
  if (typeof question.answer === "boolean") return "true-false";
  return "unknown";
}

const count = (predicate: (question: RawQuestion, bank: RawBank) => boolean): number =>
  all.filter(({ bank, question }) => predicate(question, bank)).length;

const isNonEmptyString = (value: unknown): value is string => typeof value === "string" && value.trim().length > 0;

describe("built-in banks", () => {
  it("are found in questions/", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it("hold at least 90 questions", () => {
    expect(total).toBeGreaterThanOrEqual(90);
  });

  it.each([
    ["senkaku-2010", 12],
    ["meti", 12],
    ["urban-mining", 12],
    ["jogmec", 6],
    ["lynas", 6],
  ] as const)("have at least %s questions tagged %s (bank tags included)", (tag, minimum) => {
    expect(count((question, bank) => tagsOf(bank, question).has(tag))).toBeGreaterThanOrEqual(minimum);
  });

  it("ask at least a quarter of their questions as statements or pairs", () => {
    const upsc = count((question) => ["statements", "pairs"].includes(kindOf(question)));
    expect(upsc / total).toBeGreaterThanOrEqual(0.25);
  });

  it("include how-many, multi-answer and true-false questions", () => {
    expect(count((question) => question.ask === "how-many")).toBeGreaterThanOrEqual(2);
    expect(count((question) => Array.isArray(question.answer) && question.answer.length >= 2)).toBeGreaterThanOrEqual(2);
    expect(count((question) => kindOf(question) === "true-false")).toBeGreaterThanOrEqual(2);
  });

  it("make at least a fifth of their questions hard", () => {
    expect(count((question) => question.difficulty === "hard") / total).toBeGreaterThanOrEqual(0.2);
  });

  it("give every question an explanation, a source and a difficulty", () => {
    const missing = all
      .filter(({ question }) => !isNonEmptyString(question.explanation) || !isNonEmptyString(question.source) || !["easy", "medium", "hard"].includes(question.difficulty as string))
      .map(({ bank, question }) => `${String(bank.id)}/${String(question.id)}`);
    expect(missing).toEqual([]);
  });

  it("write every question as exactly one known kind", () => {
    const unknown = all.filter(({ question }) => kindOf(question) === "unknown").map(({ bank, question }) => `${String(bank.id)}/${String(question.id)}`);
    expect(unknown).toEqual([]);
  });

  it("keep option and statement texts as strings (no YAML numbers or booleans)", () => {
    const bad: string[] = [];
    for (const { bank, question } of all) {
      const where = `${String(bank.id)}/${String(question.id)}`;
      if (!isNonEmptyString(question.question)) bad.push(`${where} question`);
      if (question.options !== undefined && !(Array.isArray(question.options) && question.options.every(isNonEmptyString))) bad.push(`${where} options`);
      for (const field of ["statements", "pairs"] as const) {
        const items = question[field];
        if (items === undefined) continue;
        const ok =
          Array.isArray(items) &&
          items.every((item: Record<string, unknown>) =>
            typeof item.correct === "boolean" && (field === "statements" ? isNonEmptyString(item.text) : isNonEmptyString(item.left) && isNonEmptyString(item.right)),
          );
        if (!ok) bad.push(`${where} ${field}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it("have bank ids that are unique and equal to the file's base name", () => {
    const ids = banks.map(({ bank }) => bank.id);
    expect(ids).toEqual(banks.map(({ file }) => file.replace(/\.yaml$/, "")));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("start every file with the schema comment", () => {
    for (const file of files) {
      const firstLine = readFileSync(new URL(file, folder), "utf8").split("\n")[0];
      expect(firstLine, file).toBe("# yaml-language-server: $schema=../schema/bank.schema.json");
    }
  });

  it("have question ids unique within each bank", () => {
    for (const { bank, questions } of banks) {
      const ids = questions.map((question) => question.id);
      const repeated = ids.filter((id, index) => ids.indexOf(id) !== index);
      expect(repeated, String(bank.id)).toEqual([]);
    }
  });

  it("never repeat a question with the same text and the same options, statements or pairs", () => {
    const seen = new Map<string, string>();
    const repeats: string[] = [];
    for (const { bank, question } of all) {
      const key = JSON.stringify([
        String(question.question).trim().toLowerCase(),
        question.options ?? null,
        question.statements ?? null,
        question.pairs ?? null,
      ]);
      const where = `${String(bank.id)}/${String(question.id)}`;
      const first = seen.get(key);
      if (first !== undefined) repeats.push(`${where} repeats ${first}`);
      else seen.set(key, where);
    }
    expect(repeats).toEqual([]);
  });
});
