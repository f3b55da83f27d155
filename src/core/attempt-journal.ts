// The journal of a mock attempt in progress: a header that fixes the paper (its questions, their option
// order, the time and the marking), then the exam's state after every change. The last complete state
// is the attempt: `prelim mock --resume` goes on from it. Pure: reading and writing the file is
// store/mock-journal.ts.

import type { ExamQuestion, ExamState } from "./exam.js";
import type { Marking } from "./question.js";

export const JOURNAL_VERSION = 1;

export interface JournalHeader {
  readonly type: "start";
  readonly v: number;
  readonly id: string;
  /** When the attempt began, ISO-8601. */
  readonly startedAt: string;
  readonly seed: number;
  /** The ids of the banks the paper was drawn from, sorted. */
  readonly banks: readonly string[];
  readonly title: string;
  readonly timeLimitMs: number;
  readonly marking: Marking;
  /** The paper in order: each question's key and its option order on screen. */
  readonly questions: readonly { readonly key: string; readonly order: readonly number[] }[];
  /** From an answer file: never offered for --resume, only completed or dropped. */
  readonly scripted: boolean;
  /** The process sitting it; while it lives, no other process completes or drops the attempt. */
  readonly pid: number;
}

/** Where the exam stood (core/exam.ts), with the time used: what a resumed attempt starts from. */
export interface JournalState extends Pick<ExamState, "current" | "answers" | "marked" | "visited" | "spentMs"> {
  readonly type: "state";
  /** When the state was reached, ISO-8601. */
  readonly at: string;
  /** Time used on the clock so far, never more than the limit. */
  readonly usedMs: number;
  /** The process that wrote it (a resumed attempt has a new one). */
  readonly pid: number;
}

/** A state line as written; the store adds the writing process's pid. */
export type NewJournalState = Omit<JournalState, "pid">;
export type NewJournalHeader = Omit<JournalHeader, "pid">;

export function journalState(state: ExamState, usedMs: number, at: Date, now: number): NewJournalState {
  // Time on the question on screen counts up to now, so a kill loses none of it.
  const spentMs = state.spentMs.map((ms, index) => (index === state.current ? ms + Math.max(0, now - state.shownAt) : ms));
  return { type: "state", at: at.toISOString(), usedMs, current: state.current, answers: state.answers, marked: state.marked, visited: state.visited, spentMs };
}

/** The exam as the journal left it, with the question on screen shown again from `now`. */
export function restoreExam(questions: readonly ExamQuestion[], saved: JournalState | undefined, now: number): ExamState {
  const fit = <T>(values: readonly T[] | undefined, fallback: (index: number) => T): T[] => questions.map((_, index) => values?.[index] ?? fallback(index));
  const current = saved !== undefined && Number.isInteger(saved.current) && saved.current >= 0 && saved.current < questions.length ? saved.current : 0;
  return {
    questions,
    current,
    answers: fit(saved?.answers, () => []).map((chosen, index) => chosen.filter((option) => Number.isInteger(option) && option >= 0 && option < (questions[index]?.options ?? 0))),
    marked: fit(saved?.marked, () => false),
    visited: fit(saved?.visited, (index) => index === current),
    spentMs: fit(saved?.spentMs, () => 0).map((ms) => (Number.isFinite(ms) && ms > 0 ? ms : 0)),
    shownAt: now,
  };
}

const isNumberList = (value: unknown): value is number[] => Array.isArray(value) && value.every((item) => typeof item === "number" && Number.isFinite(item));

export function parseHeader(value: unknown): JournalHeader | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const record = value as Record<string, unknown>;
  if (record.type !== "start" || typeof record.id !== "string" || typeof record.startedAt !== "string" || Number.isNaN(Date.parse(record.startedAt))) return undefined;
  if (typeof record.seed !== "number" || typeof record.timeLimitMs !== "number" || typeof record.title !== "string") return undefined;
  if (!Array.isArray(record.banks) || !record.banks.every((bank) => typeof bank === "string")) return undefined;
  const marking = record.marking as Record<string, unknown> | undefined;
  if (typeof marking?.correct !== "number" || typeof marking.wrong !== "number" || typeof marking.unanswered !== "number") return undefined;
  if (!Array.isArray(record.questions)) return undefined;
  const questions = record.questions.filter(
    (item): item is { key: string; order: number[] } => typeof item === "object" && item !== null && typeof item.key === "string" && isNumberList(item.order),
  );
  if (questions.length !== record.questions.length || questions.length === 0) return undefined;
  return {
    type: "start",
    v: typeof record.v === "number" ? record.v : JOURNAL_VERSION,
    id: record.id,
    startedAt: record.startedAt,
    seed: record.seed,
    banks: record.banks as string[],
    title: record.title,
    timeLimitMs: record.timeLimitMs,
    marking: { correct: marking.correct, wrong: marking.wrong, unanswered: marking.unanswered },
    questions: questions.map((item) => ({ key: item.key, order: [...item.order] })),
    scripted: record.scripted === true,
    pid: typeof record.pid === "number" ? record.pid : 0,
  };
}

export function parseState(value: unknown): JournalState | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const record = value as Record<string, unknown>;
  if (record.type !== "state" || typeof record.at !== "string" || typeof record.usedMs !== "number" || typeof record.current !== "number") return undefined;
  if (!Array.isArray(record.answers) || !record.answers.every(isNumberList)) return undefined;
  const booleans = (list: unknown): list is boolean[] => Array.isArray(list) && list.every((item) => typeof item === "boolean");
  if (!booleans(record.marked) || !booleans(record.visited) || !isNumberList(record.spentMs)) return undefined;
  return {
    type: "state",
    at: record.at,
    usedMs: Math.max(0, record.usedMs),
    current: record.current,
    answers: record.answers,
    marked: record.marked,
    visited: record.visited,
    spentMs: record.spentMs,
    pid: typeof record.pid === "number" ? record.pid : 0,
  };
}
