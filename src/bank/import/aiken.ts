// Aiken (Moodle's simplest format): a question, options "A) …" or "A. …", then "ANSWER: B". One right
// answer, so every question is a single-answer choice; an options "True"/"False" pair stays a choice,
// as Aiken wrote it.

import { cleanText, type DraftQuestion, type ImportResult, type SkippedQuestion } from "./draft.js";

const OPTION = /^([A-Z])[.)]\s*(.*)$/;
const ANSWER = /^ANSWER\s*:\s*([A-Z])\s*$/i;

export function parseAiken(text: string): ImportResult {
  const questions: DraftQuestion[] = [];
  const skipped: SkippedQuestion[] = [];
  let stem: string[] = [];
  let options: { letter: string; text: string }[] = [];
  let start = 0;
  const reset = () => {
    stem = [];
    options = [];
  };
  text.replace(/^\ufeff/, "").split(/\r\n?|\n/).forEach((raw, index) => {
    const line = raw.trim();
    const lineNumber = index + 1;
    if (line === "") {
      // A blank line inside a question's options is tolerated; between questions it separates them.
      if (options.length === 0 && stem.length > 0) return;
      return;
    }
    const answer = ANSWER.exec(line);
    if (answer) {
      const letter = (answer[1] ?? "").toUpperCase();
      const at = options.findIndex((option) => option.letter === letter);
      if (stem.length === 0 || options.length < 2) skipped.push({ line: start, reason: "an ANSWER line without a question and two options before it" });
      else if (at < 0) skipped.push({ line: start, reason: `ANSWER: ${letter} names no option` });
      else {
        questions.push({ kind: "choice", question: cleanText(stem.join("\n")), options: options.map((option) => cleanText(option.text)), answer: [at], multiple: false, notes: [], line: start });
      }
      reset();
      return;
    }
    const option = OPTION.exec(line);
    if (option && stem.length > 0) {
      options.push({ letter: option[1] ?? "", text: option[2] ?? "" });
      return;
    }
    if (options.length > 0) {
      // Text after the options with no ANSWER line: the question before it is incomplete.
      skipped.push({ line: start, reason: "no ANSWER line after the options" });
      reset();
    }
    if (stem.length === 0) start = lineNumber;
    stem.push(line);
  });
  if (stem.length > 0) skipped.push({ line: start, reason: "no ANSWER line after the options" });
  return { questions, skipped, notes: [] };
}
