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

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "tomorrow, Wed 2 Dec", "in 4 days, Sat 5 Dec": when a question comes back, day and date. */
export function nextReviewText(due: Date, now: Date): string {
  const day = `${WEEKDAYS[due.getDay()]} ${due.getDate()} ${MONTHS[due.getMonth()]}`;
  const days = Math.round((startOfDay(due).getTime() - startOfDay(now).getTime()) / DAY_MS);
  if (days <= 0) return `later today (${day})`;
  if (days === 1) return `tomorrow, ${day}`;
  return `in ${days} days, ${day}${due.getFullYear() === now.getFullYear() ? "" : ` ${due.getFullYear()}`}`;
}
