// CSV with a header row: question,a,b,c,d,answer,explanation,source,tags,difficulty (RFC 4180 quoting;
// columns e…z add options; only question and answer are required). answer is a letter, several letters
// ("a;c", "a, c") for several right answers, or true/false with no options; tags are separated by ';',
// ',' or spaces.

import { DIFFICULTIES, type Difficulty } from "../../core/question.js";
import { unguardCell } from "../../core/spreadsheet-cell.js";
import { ImportError } from "../../errors.js";
import { cleanText, slugOf, type DraftQuestion, type ImportResult, type SkippedQuestion } from "./draft.js";

export const CSV_HEADER = ["question", "a", "b", "c", "d", "answer", "explanation", "source", "tags", "difficulty"] as const;

/** RFC 4180 rows, each with the line it starts on; quoted fields may hold commas, quotes ("") and newlines. */
export function parseCsvRows(text: string): { cells: string[]; line: number }[] {
  const rows: { cells: string[]; line: number }[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const source = text.replace(/^\ufeff/, "");
  for (let index = 0; index < source.length; index++) {
    const char = source[index] ?? "";
    if (quoted) {
      if (char === '"' && source[index + 1] === '"') {
        cell += '"';
        index++;
      } else if (char === '"') quoted = false;
      else {
        if (char === "\n") line++;
        cell += char;
      }
      continue;
    }
    if (char === '"' && cell === "") quoted = true;
    else if (char === ",") {
      cells.push(cell);
      cell = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && source[index + 1] === "\n") index++;
      cells.push(cell);
      if (cells.some((value) => value.trim() !== "")) rows.push({ cells, line: rowLine });
      cells = [];
      cell = "";
      line++;
      rowLine = line;
    } else cell += char;
  }
  cells.push(cell);
  if (cells.some((value) => value.trim() !== "")) rows.push({ cells, line: rowLine });
  return rows;
}

const OPTION_COLUMN = /^[a-z]$/;

export function parseCsv(text: string): ImportResult {
  // Cells an export guarded against spreadsheet formulas ("'=…") are read as written.
  const [header, ...rows] = parseCsvRows(text).map((row) => ({ ...row, cells: row.cells.map(unguardCell) }));
  if (header === undefined) throw new ImportError("the CSV file is empty", `start it with the header ${CSV_HEADER.join(",")}`);
  const names = header.cells.map((name) => name.trim().toLowerCase());
  if (!names.includes("question") || !names.includes("answer")) {
    throw new ImportError(`line 1: the CSV header has no 'question' or no 'answer' column (found: ${names.join(",")})`, `start the file with the header ${CSV_HEADER.join(",")}`);
  }
  const optionColumns = names.flatMap((name, index) => (OPTION_COLUMN.test(name) ? [index] : []));
  const questions: DraftQuestion[] = [];
  const skipped: SkippedQuestion[] = [];
  for (const row of rows) {
    const get = (name: string): string => cleanText(row.cells[names.indexOf(name)] ?? "");
    const question = get("question");
    const answer = get("answer").toLowerCase();
    const options = optionColumns.map((index) => cleanText(row.cells[index] ?? "")).filter((option) => option !== "");
    const notes: string[] = [];
    const tags = get("tags").split(/[;,\s]+/).filter((tag) => tag !== "").map((tag) => slugOf(tag));
    const difficultyText = get("difficulty").toLowerCase();
    const difficulty = DIFFICULTIES.includes(difficultyText as Difficulty) ? (difficultyText as Difficulty) : undefined;
    if (difficultyText !== "" && difficulty === undefined) notes.push(`difficulty '${get("difficulty")}' is not easy, medium or hard; left out`);
    const extra = row.cells.length > names.length ? row.cells.slice(names.length).filter((cell) => cell.trim() !== "") : [];
    if (extra.length > 0) notes.push(`cells past the header left out: ${extra.map(cleanText).join(" | ")}`);
    const common = {
      line: row.line,
      notes,
      ...(get("explanation") !== "" && { explanation: get("explanation") }),
      ...(get("source") !== "" && { source: get("source") }),
      ...(tags.length > 0 && { tags: [...new Set(tags)] }),
      ...(difficulty && { difficulty }),
    };
    if (question === "") {
      skipped.push({ line: row.line, reason: "no question text" });
      continue;
    }
    if (options.length === 0 && (answer === "true" || answer === "false")) {
      questions.push({ kind: "true-false", question, answer: answer === "true", ...common });
      continue;
    }
    const letters = answer.split(/[;,\s]+/).filter((letter) => letter !== "");
    // Letters name the option columns as written, so a blank column c does not shift d to c.
    const columnOf = (letter: string) => optionColumns.findIndex((index) => names[index] === letter);
    const written = optionColumns.filter((index) => cleanText(row.cells[index] ?? "") !== "");
    const indexes = letters.map((letter) => written.indexOf(optionColumns[columnOf(letter)] ?? -1));
    if (options.length < 2) skipped.push({ line: row.line, reason: "fewer than two options (and the answer is not true or false)" });
    else if (letters.length === 0) skipped.push({ line: row.line, reason: "no answer" });
    else if (indexes.some((index) => index < 0)) skipped.push({ line: row.line, reason: `answer '${get("answer")}' names no written option` });
    else questions.push({ kind: "choice", question, options, answer: [...new Set(indexes)], multiple: letters.length > 1, ...common });
  }
  return { questions, skipped, notes: [] };
}
