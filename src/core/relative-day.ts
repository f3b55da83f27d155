// "today", "tomorrow", "in 3 days", "on 2026-12-01": when something falls due, in the learner's days.

import { startOfDay } from "./queue.js";

const DAY_MS = 24 * 60 * 60 * 1000;

export function relativeDay(when: Date, now: Date): string {
  const days = Math.round((startOfDay(when).getTime() - startOfDay(now).getTime()) / DAY_MS);
  if (days <= 0) return `today at ${pad(when.getHours())}:${pad(when.getMinutes())}`;
  if (days === 1) return "tomorrow";
  if (days < 14) return `in ${days} days`;
  return `on ${when.getFullYear()}-${pad(when.getMonth() + 1)}-${pad(when.getDate())}`;
}

function pad(value: number): string {
  return String(value).padStart(2, "0");
}

/** "today at 09:30", "yesterday", "3 days ago", "on 2026-11-01": when something happened. */
export function pastDay(when: Date, now: Date): string {
  const days = Math.round((startOfDay(now).getTime() - startOfDay(when).getTime()) / DAY_MS);
  if (days <= 0) return `today at ${pad(when.getHours())}:${pad(when.getMinutes())}`;
  if (days === 1) return "yesterday";
  if (days < 14) return `${days} days ago`;
  return `on ${when.getFullYear()}-${pad(when.getMonth() + 1)}-${pad(when.getDate())}`;
}
