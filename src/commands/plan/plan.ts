// prelim plan [banks…]: the weeks until the exam, with the reviews projected and the new questions
// that see every question twice before it.

import { daysUntilExam, examPlan, suggestNewPerDay } from "../../core/exam-day.js";
import { terminalSafeJson } from "../../core/sanitize.js";
import type { Context } from "../../context.js";
import { EXIT, UsageError } from "../../errors.js";
import { planText } from "../../report/plan-text.js";
import { schedulerSettings } from "../../store/scheduler-settings.js";
import { makeStyle } from "../../ui/color.js";
import { textWidth } from "../../ui/text-width.js";
import { loadSessionBanks } from "../session/load-banks.js";
import { openReader } from "../session/open-store.js";

export interface PlanOptions {
  readonly json?: boolean;
}

export async function plan(args: readonly string[], options: PlanOptions, context: Context): Promise<number> {
  const { io } = context;
  const now = io.now();
  const { banks } = await loadSessionBanks(args, context);
  const store = openReader(context);
  try {
    const values = store.settings.values();
    if (values.examDate === null) {
      throw new UsageError("prelim plan needs an exam date, and none is set.", "Set it with: prelim config set examDate 2027-05-24 (your exam's date).");
    }
    const daysLeft = daysUntilExam(values.examDate, now);
    if (daysLeft <= 0) {
      throw new UsageError(
        `The exam date ${values.examDate} is ${daysLeft === 0 ? "today" : "past"}: there is nothing left to plan.`,
        "Set the next one with prelim config set examDate YYYY-MM-DD, or prelim config reset examDate.",
      );
    }
    const keys = banks.flatMap((bank) => bank.questions.map((question) => question.key));
    const suggestion = suggestNewPerDay(keys, store.cards(), now, values.examDate);
    const result = {
      ...examPlan(keys, store.cards(), now, { ...schedulerSettings(values), examDate: values.examDate }, suggestion.newPerDay),
      questions: keys.length,
      unseen: suggestion.unseen,
      newPerDaySetting: values.newPerDay,
    };
    io.stdout.write(options.json ? `${terminalSafeJson(result, 2)}\n` : planText(result, await makeStyle(context.color), textWidth(io.stdout) + 2));
  } finally {
    store.close();
  }
  return EXIT.ok;
}
