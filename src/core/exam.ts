// A mock test in progress, as the real computer-based test keeps it: where the candidate is, what each
// question holds (an answer, a mark for review, whether it was seen), and the palette built from that.
// Pure and immutable: every transition returns a new state; time comes in as numbers (epoch ms).
// Answers are canonical option indexes, never positions on screen.

/** The five palette states of the UPSC CBT. An answer that is also marked counts as answered. */
export type QuestionState = "not-visited" | "not-answered" | "answered" | "marked" | "answered-marked";

export const QUESTION_STATES: readonly QuestionState[] = ["not-visited", "not-answered", "answered", "marked", "answered-marked"];

/** What the exam needs to know of a question to take answers for it. */
export interface ExamQuestion {
  /** How many options it has: a choice past them is ignored. */
  readonly options: number;
  /** Several answers (toggle each) rather than one (a new choice replaces the old). */
  readonly multiple: boolean;
}

export interface ExamState {
  readonly questions: readonly ExamQuestion[];
  /** Index of the question on screen. */
  readonly current: number;
  /** Per question, the canonical option indexes chosen, ascending; empty when unanswered. */
  readonly answers: readonly (readonly number[])[];
  readonly marked: readonly boolean[];
  readonly visited: readonly boolean[];
  /** Per question, the time it was on screen so far, not counting the current stay. */
  readonly spentMs: readonly number[];
  /** When the current question came on screen. */
  readonly shownAt: number;
}

export interface ExamCounts {
  readonly total: number;
  /** Answered, marked or not: what will be scored. */
  readonly answered: number;
  /** Visited and left without an answer or a mark. */
  readonly notAnswered: number;
  /** Marked for review without an answer. */
  readonly marked: number;
  readonly answeredMarked: number;
  readonly notVisited: number;
  /** Every question unanswered, whatever its palette state. */
  readonly unanswered: number;
  /** Every question marked for review, answered or not. */
  readonly markedTotal: number;
}

export interface PaletteCell {
  /** 1-based, as printed. */
  readonly number: number;
  readonly state: QuestionState;
  readonly current: boolean;
}

export function createExam(questions: readonly ExamQuestion[], at: number): ExamState {
  return {
    questions,
    current: 0,
    answers: questions.map(() => []),
    marked: questions.map(() => false),
    visited: questions.map((_, index) => index === 0),
    spentMs: questions.map(() => 0),
    shownAt: at,
  };
}

function replaced<T>(items: readonly T[], index: number, value: T): T[] {
  const copy = [...items];
  copy[index] = value;
  return copy;
}

/**
 * Chooses option `option` (a canonical index) for the current question. With one answer, a new choice
 * replaces the old one and choosing the chosen option again clears it; with several, it toggles.
 */
export function choose(state: ExamState, option: number): ExamState {
  const question = state.questions[state.current];
  if (question === undefined || !Number.isInteger(option) || option < 0 || option >= question.options) return state;
  const given = state.answers[state.current] ?? [];
  const has = given.includes(option);
  let next: number[];
  if (question.multiple) next = has ? given.filter((index) => index !== option) : [...given, option].sort((a, b) => a - b);
  else next = has ? [] : [option];
  return { ...state, answers: replaced(state.answers, state.current, next) };
}

/** "Clear Response": the current question goes back to unanswered; a mark for review stays. */
export function clearAnswer(state: ExamState): ExamState {
  if ((state.answers[state.current] ?? []).length === 0) return state;
  return { ...state, answers: replaced(state.answers, state.current, []) };
}

export function toggleMark(state: ExamState): ExamState {
  return { ...state, marked: replaced(state.marked, state.current, !(state.marked[state.current] ?? false)) };
}

/** Moves to question `index` (0-based) at time `at`. Out of range leaves the state as it is. */
export function goTo(state: ExamState, index: number, at: number): ExamState {
  if (!Number.isInteger(index) || index < 0 || index >= state.questions.length || index === state.current) return state;
  return {
    ...state,
    spentMs: addStay(state, at),
    current: index,
    visited: replaced(state.visited, index, true),
    shownAt: at,
  };
}

export function next(state: ExamState, at: number): ExamState {
  return goTo(state, state.current + 1, at);
}

export function previous(state: ExamState, at: number): ExamState {
  return goTo(state, state.current - 1, at);
}

export const isFirst = (state: ExamState): boolean => state.current === 0;
export const isLast = (state: ExamState): boolean => state.current === state.questions.length - 1;

// A clock that moved back adds nothing rather than a negative stay.
function addStay(state: ExamState, at: number): number[] {
  const stay = Math.max(0, at - state.shownAt);
  return replaced(state.spentMs, state.current, (state.spentMs[state.current] ?? 0) + stay);
}

/** Time on each question including the current stay up to `at`: for the report once the test ends. */
export function timeSpent(state: ExamState, at: number): number[] {
  return state.questions.length === 0 ? [] : addStay(state, at);
}

export function questionState(state: ExamState, index: number): QuestionState {
  const answered = (state.answers[index] ?? []).length > 0;
  const marked = state.marked[index] ?? false;
  if (answered) return marked ? "answered-marked" : "answered";
  if (marked) return "marked";
  return state.visited[index] ? "not-answered" : "not-visited";
}

export function examCounts(state: ExamState): ExamCounts {
  const tally: Record<QuestionState, number> = { "not-visited": 0, "not-answered": 0, answered: 0, marked: 0, "answered-marked": 0 };
  for (let index = 0; index < state.questions.length; index++) tally[questionState(state, index)]++;
  const answered = tally.answered + tally["answered-marked"];
  return {
    total: state.questions.length,
    answered,
    notAnswered: tally["not-answered"],
    marked: tally.marked,
    answeredMarked: tally["answered-marked"],
    notVisited: tally["not-visited"],
    unanswered: state.questions.length - answered,
    markedTotal: tally.marked + tally["answered-marked"],
  };
}

export function palette(state: ExamState): PaletteCell[] {
  return state.questions.map((_, index) => ({ number: index + 1, state: questionState(state, index), current: index === state.current }));
}

/** The palette in rows of `perRow`, as the CBT lays it out. */
export function paletteRows(state: ExamState, perRow = 10): PaletteCell[][] {
  const cells = palette(state);
  const rows: PaletteCell[][] = [];
  for (let start = 0; start < cells.length; start += perRow) rows.push(cells.slice(start, start + perRow));
  return rows;
}

/**
 * Reads a question number typed by the candidate ("12") as a 0-based index, or undefined when it names
 * no question of this exam.
 */
export function questionIndexOf(state: ExamState, typed: string): number | undefined {
  if (!/^\d{1,4}$/.test(typed)) return undefined;
  const number = Number(typed);
  return number >= 1 && number <= state.questions.length ? number - 1 : undefined;
}

/** Time left at `at`, never below zero. */
export function remainingMs(deadline: number, at: number): number {
  return Math.max(0, deadline - at);
}

/**
 * The exam clock: "01:58:07" from an hour up, "04:09" below, rounded up to the second so it shows
 * "00:00" only when the time is really up.
 */
export function clockText(ms: number): string {
  const total = Number.isFinite(ms) && ms > 0 ? Math.ceil(ms / 1000) : 0;
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const two = (n: number) => String(n).padStart(2, "0");
  return hours > 0 ? `${two(hours)}:${two(minutes)}:${two(seconds)}` : `${two(minutes)}:${two(seconds)}`;
}
