// What the scheduler takes from the learner's settings: the one place the settings table meets
// SchedulerSettings, so every store (on disk, in memory, read-only) schedules alike.

import type { SchedulerSettings } from "../core/scheduler.js";
import type { Settings } from "./setting-definitions.js";

export function schedulerSettings(values: Settings): SchedulerSettings {
  return {
    desiredRetention: values.desiredRetention,
    ...(values.fsrsWeights.length > 0 && { weights: values.fsrsWeights }),
    ...(values.examDate !== null && { examDate: values.examDate }),
    ...(values.statementDrill === "true" && { statementDrill: true }),
  };
}
