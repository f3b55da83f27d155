// `prelim plan` for people: one row a week until the exam, a bar of reviews (█) and new questions (▒)
// scaled to the terminal's width.

import type { ExamPlan } from "../core/exam-day.js";
import type { Style } from "../core/style.js";

export interface PlanReport extends ExamPlan {
  readonly questions: number;
  readonly unseen: number;
  readonly newPerDaySetting: number;
}

export function planText(plan: PlanReport, style: Style, width = 80): string {
  const lines = [
    `${style.bold(`Until the exam on ${plan.examDate}`)} (${plan.daysLeft} day${plan.daysLeft === 1 ? "" : "s"}, ${plan.weeks.length} week${plan.weeks.length === 1 ? "" : "s"}): ${plan.questions} questions, ${plan.unseen} never seen.`,
  ];
  if (plan.unseen > 0) {
    const pace = `${plan.newPerDay} new a day sees every question at least twice before the exam`;
    lines.push(plan.newPerDay > plan.newPerDaySetting ? `${pace}; review takes ${plan.newPerDaySetting} (prelim config set newPerDay ${plan.newPerDay}).` : `${pace}.`);
  }
  lines.push("", style.dim(`  week of      reviews   new  (${style.cyan("█")} reviews, ▒ new)`));
  const most = Math.max(1, ...plan.weeks.map((week) => week.reviews + week.newQuestions));
  const room = Math.max(10, width - 32);
  for (const week of plan.weeks) {
    const reviews = Math.round((week.reviews / most) * room);
    const fresh = Math.round((week.newQuestions / most) * room);
    const bar = `${style.cyan("█".repeat(reviews))}${"▒".repeat(fresh)}` || (week.reviews + week.newQuestions > 0 ? "▏" : "");
    const days = week.days < 7 ? style.dim(` ${week.days}d`) : "";
    lines.push(`  ${week.start}  ${String(week.reviews).padStart(7)}  ${String(week.newQuestions).padStart(4)}  ${bar}${days}`.trimEnd());
  }
  lines.push("", style.dim("Reviews are projected as if each were answered right on its day;"), style.dim("wrong answers bring questions back sooner."));
  return `${lines.join("\n")}\n`;
}
