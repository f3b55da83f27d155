// Answer files (question ids mapped to letters) often live beside the banks they answer. They are not
// banks: discovery skips the ones that say what they are, and a bank check on one says what it is.

const ANSWER_FILE_NAME = /\.answers\.ya?ml$/i;
const ANSWER_FILE_MARK = /^# prelim answers\b/;

/** Named `*.answers.yaml` / `*.answers.yml`. */
export function isAnswerFileName(name: string): boolean {
  return ANSWER_FILE_NAME.test(name);
}

/** A file whose first line is `# prelim answers` (after a byte-order mark). */
export function hasAnswerFileMark(firstLine: string): boolean {
  return ANSWER_FILE_MARK.test(firstLine.replace(/^\ufeff/, ""));
}

function isAnswerValue(value: unknown): boolean {
  if (typeof value === "boolean" || value === null) return true;
  if (typeof value === "string") return /^[a-z](\s*,\s*[a-z])*$/i.test(value.trim()) || value.trim() === "";
  return Array.isArray(value) && value.every((item) => typeof item === "string" && /^[a-z]$/i.test(item.trim()));
}

/** A mapping with none of a bank's keys whose every value is an answer: letters, lists of letters, true/false. */
export function hasAnswerFileShape(data: Record<string, unknown>): boolean {
  const keys = Object.keys(data);
  if (keys.length === 0 || keys.some((key) => key === "id" || key === "title" || key === "questions")) return false;
  return Object.values(data).every(isAnswerValue);
}

export const ANSWER_FILE_MESSAGE =
  "this looks like an answer file (question ids mapped to letters), not a bank: pass it to --answers, and keep it out of bank discovery by naming it <name>.answers.yaml or making its first line '# prelim answers'";
