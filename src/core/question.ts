// The question bank model. Banks are parsed and checked once at the boundary (src/bank/);
// everything past that trusts these types.

export type Difficulty = "easy" | "medium" | "hard";
export const DIFFICULTIES: readonly Difficulty[] = ["easy", "medium", "hard"];

export type QuestionKind = "choice" | "true-false" | "statements" | "pairs" | "assertion" | "match";
export const QUESTION_KINDS: readonly QuestionKind[] = ["choice", "true-false", "statements", "pairs", "assertion", "match"];

export type Ask = "which-correct" | "which-incorrect" | "how-many";
export const ASKS: readonly Ask[] = ["which-correct", "which-incorrect", "how-many"];

/** How statements and pairs are numbered on screen and in their options: 1, 2, 3 or I, II, III. */
export type Numbering = "arabic" | "roman";

export interface Statement {
  readonly text: string;
  readonly correct: boolean;
}

export interface Pair {
  readonly left: string;
  readonly right: string;
  readonly correct: boolean;
}

/** Statement-II or Statement-III of a Statement-I/II question. */
export interface Reason {
  readonly text: string;
  readonly correct: boolean;
  /** Whether it is the correct explanation of Statement-I (meaningful only when both are correct). */
  readonly explains: boolean;
}

/** Column headings as the paper prints them above a two-column list: [left, right]. */
export type Headings = readonly [string, string];

interface QuestionCommon {
  /** The bank's id. */
  readonly bank: string;
  /** The question's id, unique in its bank. */
  readonly id: string;
  /** `<bank>/<id>`: the key progress, answer files and reports use. */
  readonly key: string;
  /** The stem: the question as written (for statements and pairs, the lead-in). */
  readonly question: string;
  /**
   * The options in canonical order: as written for choice questions, generated for the others.
   * Letters (a, b, c…) always name positions in this list, never positions on screen.
   */
  readonly options: readonly string[];
  /** Indexes into `options` of the right answers; more than one only for multi-answer choice questions. */
  readonly answer: readonly number[];
  /** Whether the options may be shown in a shuffled order. */
  readonly shuffle: boolean;
  readonly explanation?: string;
  readonly source?: string;
  /** The question's tags with the bank's tags merged in, bank tags first, without repeats. */
  readonly tags: readonly string[];
  readonly difficulty?: Difficulty;
}

export interface ChoiceQuestion extends QuestionCommon {
  readonly kind: "choice";
  /** Written with a list of answers: asked with checkboxes even when the list holds one letter. */
  readonly multiple: boolean;
}

export interface TrueFalseQuestion extends QuestionCommon {
  readonly kind: "true-false";
  readonly truth: boolean;
}

export interface StatementsQuestion extends QuestionCommon {
  readonly kind: "statements";
  readonly ask: Ask;
  readonly numbering: Numbering;
  readonly statements: readonly Statement[];
  /** The line after the statements, e.g. "Which of the statements given above is/are correct?" */
  readonly prompt: string;
  readonly optionItems?: OptionItems;
}

/**
 * which-correct and which-incorrect: for each option, the items (1-based) it names: the correct ones,
 * or for which-incorrect the incorrect ones. Absent for how-many, whose options are counts.
 */
export type OptionItems = readonly (readonly number[])[];

export interface PairsQuestion extends QuestionCommon {
  readonly kind: "pairs";
  readonly ask: Ask;
  readonly numbering: Numbering;
  readonly pairs: readonly Pair[];
  readonly headings?: Headings;
  readonly prompt: string;
  readonly optionItems?: OptionItems;
}

/** Statement-I (the claim) with Statement-II, or Statements II and III (the reasons). */
export interface AssertionQuestion extends QuestionCommon {
  readonly kind: "assertion";
  readonly claim: Statement;
  /** One or two. */
  readonly reasons: readonly Reason[];
  readonly prompt: string;
}

/** Match List-I with List-II: list1 shown A, B, C…, list2 shown 1, 2, 3… in the order written. */
export interface MatchQuestion extends QuestionCommon {
  readonly kind: "match";
  readonly list1: readonly string[];
  readonly list2: readonly string[];
  /** For each List-I item, the 1-based number of its List-II item. */
  readonly matches: readonly number[];
  readonly headings?: Headings;
  readonly prompt: string;
}

export type Question = ChoiceQuestion | TrueFalseQuestion | StatementsQuestion | PairsQuestion | AssertionQuestion | MatchQuestion;

export interface Marking {
  readonly correct: number;
  readonly wrong: number;
  readonly unanswered: number;
}

/** The UPSC prelims marking: +2 for a right answer, a third of that off for a wrong one. */
export const UPSC_MARKING: Marking = { correct: 2, wrong: -0.66, unanswered: 0 };

export interface BankSource {
  readonly title: string;
  readonly date?: string;
  readonly url?: string;
}

export interface Bank {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  /** The file the bank was read from, as given or found. */
  readonly file: string;
  readonly sources: readonly BankSource[];
  readonly tags: readonly string[];
  readonly marking?: Marking;
  readonly questions: readonly Question[];
}

const LETTERS = "abcdefghijklmnopqrstuvwxyz";

export function letterOf(index: number): string {
  const letter = LETTERS[index];
  if (letter === undefined) throw new RangeError(`no letter for option index ${index}`);
  return letter;
}

/** The index a canonical letter names, or undefined for anything that is not a single letter a–z. */
export function indexOfLetter(letter: string): number | undefined {
  if (letter.length !== 1) return undefined;
  const index = LETTERS.indexOf(letter.toLowerCase());
  return index === -1 ? undefined : index;
}

export function questionKey(bank: string, id: string): string {
  return `${bank}/${id}`;
}

/** Whether a set of chosen option indexes is exactly the right answer. */
export function isCorrectChoice(question: Question, chosen: readonly number[]): boolean {
  if (chosen.length !== question.answer.length) return false;
  const right = new Set(question.answer);
  return new Set(chosen).size === chosen.length && chosen.every((index) => right.has(index));
}

/** Whether the learner picks several options (checkboxes) rather than one. */
export function isMultiAnswer(question: Question): boolean {
  return question.kind === "choice" && question.multiple;
}

/**
 * The question in one line for a list (stats' weakest, the exam day's most at risk): its stem, and when
 * the stem is only a lead-in ("Consider the following statements:"), the first item after it, so
 * that two such questions in a list can be told apart.
 */
export function questionHeadline(question: Question | Pick<Question, "question">): string {
  const stem = question.question.trim();
  if (!stem.endsWith(":") || !("kind" in question)) return stem;
  const first =
    question.kind === "statements" ? `1. ${question.statements[0]?.text ?? ""}`
    : question.kind === "pairs" ? `1. ${question.pairs[0]?.left ?? ""} — ${question.pairs[0]?.right ?? ""}`
    : question.kind === "assertion" ? `Statement-I: ${question.claim.text}`
    : question.kind === "match" ? `A. ${question.list1[0] ?? ""}`
    : undefined;
  return first === undefined ? stem : `${stem} ${first}`;
}
