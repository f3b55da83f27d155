// The progress store for a session, with repair notices sent to stderr where the learner sees them.

import { openProgressStore } from "../../store/progress-store.js";
import type { ProgressStore } from "../../store/progress-store.js";
import { packageVersion } from "../../version.js";
import { sanitize } from "../../core/sanitize.js";
import type { Context } from "../../context.js";

export function openStore(context: Context): ProgressStore {
  const { io } = context;
  return openProgressStore({
    dataDir: context.dataDir,
    now: () => io.now(),
    version: packageVersion(),
    onNotice: (message) => io.stderr.write(`prelim: ${sanitize(message)}\n`),
  });
}
