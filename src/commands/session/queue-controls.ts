// The learner's suspends and buries, for the commands that choose questions, and the one way they are
// changed (the s and b keys, prelim suspend and unsuspend, a leech).

import { foldQueueEvents, type QueueAction, type QueueControls } from "../../core/queue-controls.js";
import type { Question } from "../../core/question.js";
import { statementCheckFor } from "../../core/statement-memory.js";
import type { Context } from "../../context.js";
import { UsageError } from "../../errors.js";
import { appendQueueEvents, queueFile, readQueueEvents } from "../../store/queue-log.js";

export function readQueueControls(context: Context): QueueControls {
  const { events, skipped } = readQueueEvents(context.dataDir);
  if (skipped > 0) context.io.stderr.write(`prelim: ${skipped} unreadable line(s) in ${queueFile(context.dataDir)} were skipped\n`);
  return foldQueueEvents(events, context.io.now());
}

/** Records suspends, unsuspends or buries; with --no-record, nothing. */
export function changeQueue(context: Context, action: QueueAction, keys: readonly string[], reason?: string): void {
  if (!context.record) return;
  const at = context.io.now().toISOString();
  appendQueueEvents(context.dataDir, keys.map((key) => ({ at, key, action, ...(reason !== undefined && { reason }) })));
}

/** Questions named as `bank/id`, or `id` where it is unique among the banks loaded. */
export function questionsNamed(names: readonly string[], questions: readonly Question[]): Question[] {
  const byKey = new Map(questions.map((question) => [question.key, question]));
  return names.map((name) => {
    const exact = byKey.get(name) ?? statementCheckFor(name, byKey);
    if (exact) return exact;
    const sameId = questions.filter((question) => question.id === name);
    if (sameId.length === 1 && sameId[0]) return sameId[0];
    throw new UsageError(
      sameId.length > 1 ? `'${name}' is in several banks: ${sameId.map((question) => question.key).join(", ")}` : `no question '${name}' in the banks found`,
      "Name questions as bank/id (a statement of one as bank/id#2), as the feedback and prelim suspended show them.",
    );
  });
}
