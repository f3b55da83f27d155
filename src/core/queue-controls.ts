// What the learner did to the queue itself, as Anki lets them: suspend a question (never shown until
// unsuspended), bury it (not shown until their next day). Kept as events in a log of their own, so two
// sessions or two machines agree; the state is a fold of the events. Pure: time is a parameter.

import { startOfDay } from "./queue.js";

export type QueueAction = "suspend" | "unsuspend" | "bury";
export const QUEUE_ACTIONS: readonly QueueAction[] = ["suspend", "unsuspend", "bury"];

export interface QueueEvent {
  /** ISO-8601. */
  readonly at: string;
  /** `<bank>/<question>`. */
  readonly key: string;
  readonly action: QueueAction;
  /** Why, when prelim did it for the learner ("leech"). */
  readonly reason?: string;
}

export interface QueueControls {
  /** Key → when it was suspended. */
  readonly suspended: ReadonlyMap<string, string>;
  /** Buried until the end of the learner's day in which they buried it. */
  readonly buried: ReadonlySet<string>;
}

/** The state the events leave at `now`: the last of suspend/unsuspend wins; a bury lasts its day. */
export function foldQueueEvents(events: Iterable<QueueEvent>, now: Date): QueueControls {
  const suspended = new Map<string, string>();
  const buried = new Set<string>();
  const today = startOfDay(now).getTime();
  for (const event of events) {
    if (event.action === "suspend") suspended.set(event.key, event.at);
    else if (event.action === "unsuspend") suspended.delete(event.key);
    else if (Date.parse(event.at) >= today && Date.parse(event.at) <= now.getTime()) buried.add(event.key);
  }
  return { suspended, buried };
}

/** Whether a question is kept out of practice and review now. */
export function isHeldBack(controls: QueueControls, key: string): boolean {
  return controls.suspended.has(key) || controls.buried.has(key);
}

export function parseQueueEvent(value: unknown): QueueEvent | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const record = value as Record<string, unknown>;
  if (typeof record.at !== "string" || Number.isNaN(Date.parse(record.at)) || typeof record.key !== "string" || record.key === "") return undefined;
  if (!QUEUE_ACTIONS.includes(record.action as QueueAction)) return undefined;
  return { at: record.at, key: record.key, action: record.action as QueueAction, ...(typeof record.reason === "string" && { reason: record.reason }) };
}
