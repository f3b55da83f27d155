// The built-in banks in questions/: what the product promises about them (issues 3 and 11). Self-contained on
// `yaml` so it checks the files as written, kinds told from their fields; the real loader is exercised by its
// own tests.
import { readdirSync, readFileSync } from "node:fs";
import { describe, it, expect } from "vitest";
import { parse } from "yaml";

type Raw = Record<string, unknown>;

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
  questions: Raw[];
}

const folder = new URL("../../questions/", import.meta.url);
const files = readdirSync(folder)
  .filter((name) => name.endsWith(".yaml"))
  .sort();

const banks: Loaded[] = files.map((file) => {
  const bank = parse(readFileSync(new URL(file, folder), "utf8")) as RawBank;
  const questions = Array.isArray(bank.questions) ? (bank.questions as Raw[]) : [];
  return { file, bank, questions };
});

const all = banks.flatMap(({ bank, questions }) => questions.map((question) => ({ bank, question })));
const total = all.length;
const where = (bank: RawBank, question: Raw): string => `${String(bank.id)}/${String(question.id)}`;

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

function tagsOf(bank: RawBank, question: Raw): Set<string> {
  return new Set([...stringList(bank.tags), ...stringList(question.tags)]);
}

type Kind = "choice" | "true-false" | "statements" | "pairs" | "assertion" | "match" | "unknown";

/** The kind, told from the fields as the format does; several kinds' fields at once is "unknown". */
function kindOf(question: Raw): Kind {
  const found: Kind[] = [];
  if (question.options !== undefined) found.push("choice");
  if (question.statements !== undefined) found.push("statements");
  if (question.pairs !== undefined) found.push("pairs");
  if (question.claim !== undefined || question.reasons !== undefined) found.push("assertion");
  if (question.list1 !== undefined || question.list2 !== undefined || question.matches !== undefined) found.push("match");
  if (found.length === 0 && typeof question.answer === "boolean") found.push("true-false");
  return found.length === 1 ? (found[0] as Kind) : "unknown";
}

const count = (predicate: (question: Raw, bank: RawBank) => boolean): number =>
  all.filter(({ bank, question }) => predicate(question, bank)).length;

const isNonEmptyString = (value: unknown): value is string => typeof value === "string" && value.trim().length > 0;
const items = (question: Raw): Raw[] => ((question.statements ?? question.pairs ?? []) as Raw[]);
const sameSet = (a: number[], b: number[]): boolean => a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);

const BEYOND_BEIJING = "Beyond Beijing: Japan's Rare Earths Blueprint for the World";
const STRATEGIC_BREAK = "Japan's Strategic Break from China's Rare Earth Grip";

describe("built-in banks", () => {
  it("are found in questions/", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it("hold 121 questions, at least 120", () => {
    expect(total).toBe(121);
    expect(total).toBeGreaterThanOrEqual(120);
  });

  it("pin the count of each kind, with no true-false and no several-answer question", () => {
    const kinds: Record<string, number> = {};
    for (const { question } of all) kinds[kindOf(question)] = (kinds[kindOf(question)] ?? 0) + 1;
    expect(kinds).toEqual({ choice: 33, statements: 47, pairs: 10, assertion: 22, match: 9 });
    expect(count((question) => kindOf(question) === "true-false")).toBe(0);
    expect(count((question) => Array.isArray(question.answer))).toBe(0);
  });

  it("pin the ask styles of statements and pairs, some with the paper's codes and some in Roman numbering", () => {
    const upsc = all.filter(({ question }) => ["statements", "pairs"].includes(kindOf(question))).map(({ question }) => question);
    const asks: Record<string, number> = {};
    for (const question of upsc) asks[String(question.ask)] = (asks[String(question.ask)] ?? 0) + 1;
    expect(asks).toEqual({ "which-correct": 25, "which-incorrect": 6, "how-many": 26 });
    expect(upsc.filter((question) => question.codes !== undefined).length).toBe(9);
    expect(upsc.filter((question) => question.numbering === "roman").length).toBe(9);
    expect(upsc.length / total).toBeGreaterThanOrEqual(0.45);
  });

  it("ask at least 15 Statement-I/II questions, some with three statements, and at least 8 List-I/List-II", () => {
    const assertions = all.filter(({ question }) => kindOf(question) === "assertion").map(({ question }) => question);
    expect(assertions.length).toBeGreaterThanOrEqual(15);
    expect(assertions.filter((question) => Array.isArray(question.reasons) && question.reasons.length === 2).length).toBe(8);
    expect(count((question) => kindOf(question) === "match")).toBeGreaterThanOrEqual(8);
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
    const tagged = count((question, bank) => tagsOf(bank, question).has(tag));
    expect(tagged).toBe(pinned);
    expect(tagged).toBeGreaterThanOrEqual(minimum);
  });

  it("pin the spread of difficulty", () => {
    const spread: Record<string, number> = {};
    for (const { question } of all) spread[String(question.difficulty)] = (spread[String(question.difficulty)] ?? 0) + 1;
    expect(spread).toEqual({ easy: 40, medium: 59, hard: 22 });
  });

  it("spread the right letters of choice questions across a to d", () => {
    const letters: Record<string, number> = {};
    for (const { question } of all) if (kindOf(question) === "choice") letters[String(question.answer)] = (letters[String(question.answer)] ?? 0) + 1;
    for (const letter of ["a", "b", "c", "d"]) expect(letters[letter] ?? 0, letter).toBeGreaterThanOrEqual(6);
  });

  it("give every question an explanation, a source naming one of the two articles, a difficulty and a topic", () => {
    const missing = all
      .filter(
        ({ bank, question }) =>
          !isNonEmptyString(question.explanation) ||
          !isNonEmptyString(question.source) ||
          !(question.source.startsWith(BEYOND_BEIJING) || question.source.startsWith(STRATEGIC_BREAK)) ||
          !["easy", "medium", "hard"].includes(question.difficulty as string) ||
          tagsOf(bank, question).size === 0,
      )
      .map(({ bank, question }) => where(bank, question));
    expect(missing).toEqual([]);
  });

  it("write every question as exactly one known kind", () => {
    const unknown = all.filter(({ question }) => kindOf(question) === "unknown").map(({ bank, question }) => where(bank, question));
    expect(unknown).toEqual([]);
  });

  it("keep every text a string and every flag a boolean (no YAML numbers or booleans where text belongs)", () => {
    const bad: string[] = [];
    for (const { bank, question } of all) {
      const at = where(bank, question);
      const kind = kindOf(question);
      if (!isNonEmptyString(question.question)) bad.push(`${at} question`);
      if (kind === "choice" && !(Array.isArray(question.options) && question.options.every(isNonEmptyString) && typeof question.answer === "string")) bad.push(`${at} options`);
      if (kind === "statements" || kind === "pairs") {
        const ok = items(question).every(
          (item) => typeof item.correct === "boolean" && (kind === "statements" ? isNonEmptyString(item.text) : isNonEmptyString(item.left) && isNonEmptyString(item.right)),
        );
        if (!ok) bad.push(`${at} ${kind}`);
      }
      if (kind === "assertion") {
        const claim = question.claim as Raw | undefined;
        const reasons = (question.reasons ?? []) as Raw[];
        const ok =
          claim !== undefined && isNonEmptyString(claim.text) && typeof claim.correct === "boolean" &&
          reasons.every((reason) => isNonEmptyString(reason.text) && typeof reason.correct === "boolean" && typeof reason.explains === "boolean");
        if (!ok) bad.push(`${at} claim/reasons`);
      }
      if (kind === "match" && !(stringList(question.list1).length === (question.list1 as unknown[]).length && stringList(question.list2).length === (question.list2 as unknown[]).length)) bad.push(`${at} lists`);
    }
    expect(bad).toEqual([]);
  });

  it("have one right option for every statements, pairs, Statement-I/II and List-I/List-II question", () => {
    const bad: string[] = [];
    for (const { bank, question } of all) {
      const at = where(bank, question);
      const kind = kindOf(question);
      if (kind === "statements" || kind === "pairs") {
        const list = items(question);
        const right = list.flatMap((item, index) => (item.correct === true ? [index + 1] : []));
        const wrong = list.flatMap((item, index) => (item.correct === true ? [] : [index + 1]));
        if (list.length < 2 || list.length > 7) bad.push(`${at} ${list.length} items`);
        if (question.ask === "how-many" && list.length === 4 && right.length === 0) bad.push(`${at} four items, none correct`);
        if (question.ask === "which-correct" && right.length === 0) bad.push(`${at} nothing correct`);
        if (question.ask === "which-incorrect" && wrong.length === 0) bad.push(`${at} nothing incorrect`);
        if (question.codes !== undefined) {
          const target = question.ask === "which-incorrect" ? wrong : right;
          const hits = (question.codes as number[][]).filter((code) => sameSet(code, target));
          if (hits.length !== 1) bad.push(`${at} ${hits.length} codes match`);
        }
      }
      if (kind === "assertion") {
        const claim = question.claim as Raw;
        const reasons = question.reasons as Raw[];
        if (reasons.length < 1 || reasons.length > 2) bad.push(`${at} ${reasons.length} reasons`);
        if (reasons.some((reason) => reason.explains === true && reason.correct !== true)) bad.push(`${at} an incorrect reason explains`);
        if (reasons.length === 1 && claim.correct !== true && reasons[0]?.correct !== true) bad.push(`${at} both incorrect`);
        if (reasons.length === 2) {
          const correct = reasons.filter((reason) => reason.correct === true).length;
          const explain = reasons.filter((reason) => reason.explains === true).length;
          if (claim.correct !== true) bad.push(`${at} two reasons, claim incorrect`);
          if (!((correct === 2 && explain >= 1) || (correct === 1 && explain === 1) || correct === 0)) bad.push(`${at} no option for the combination`);
        }
      }
      if (kind === "match") {
        const n = (question.list1 as unknown[]).length;
        const m = (question.list2 as unknown[]).length;
        const matches = question.matches as number[];
        if (n < 2 || n > 6 || m < n || m > n + 2) bad.push(`${at} list sizes ${n}/${m}`);
        if (!Array.isArray(matches) || matches.length !== n || matches.some((x) => !Number.isInteger(x) || x < 1 || x > m)) bad.push(`${at} matches`);
        if (question.codes !== undefined) {
          const hits = (question.codes as number[][]).filter((code) => code.length === n && code.every((x, i) => x === matches[i]));
          if (hits.length !== 1) bad.push(`${at} ${hits.length} codes match`);
        }
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

  it("never repeat a question with the same text and the same items", () => {
    const seen = new Map<string, string>();
    const repeats: string[] = [];
    for (const { bank, question } of all) {
      const key = JSON.stringify([
        String(question.question).trim().toLowerCase(),
        question.options ?? null,
        question.statements ?? null,
        question.pairs ?? null,
        question.claim ?? null,
        question.reasons ?? null,
        question.list1 ?? null,
        question.list2 ?? null,
      ]);
      const first = seen.get(key);
      if (first !== undefined) repeats.push(`${where(bank, question)} repeats ${first}`);
      else seen.set(key, where(bank, question));
    }
    expect(repeats).toEqual([]);
  });
});
