// prelim suspend / unsuspend / suspended: the queue controls Anki users rely on, as commands.

import { sanitizeLine, terminalSafeJson } from "../../core/sanitize.js";
import type { Context } from "../../context.js";
import { EXIT, UsageError } from "../../errors.js";
import { loadSessionBanks } from "../session/load-banks.js";
import { changeQueue, questionsNamed, readQueueControls } from "../session/queue-controls.js";

export async function suspend(names: readonly string[], context: Context): Promise<number> {
  const { questions } = await loadSessionBanks([], context);
  const chosen = questionsNamed(names, questions);
  changeQueue(context, "suspend", chosen.map((question) => question.key));
  context.io.stdout.write(`Suspended ${chosen.length === 1 ? "1 question" : `${chosen.length} questions`}: ${chosen.map((question) => sanitizeLine(question.key)).join(", ")}. prelim unsuspend brings ${chosen.length === 1 ? "it" : "them"} back.\n`);
  return EXIT.ok;
}

export async function unsuspend(names: readonly string[], options: { all?: boolean }, context: Context): Promise<number> {
  const controls = readQueueControls(context);
  if (options.all && names.length > 0) throw new UsageError("give questions or --all, not both");
  if (!options.all && names.length === 0) throw new UsageError("name the questions to unsuspend, or give --all", "prelim suspended lists them.");
  const keys = options.all ? [...controls.suspended.keys()] : names.map((name) => (name.includes("/") ? name : [...controls.suspended.keys()].find((key) => key.endsWith(`/${name}`)) ?? name));
  const notSuspended = keys.filter((key) => !controls.suspended.has(key));
  if (notSuspended.length > 0) throw new UsageError(`not suspended: ${notSuspended.join(", ")}`, "prelim suspended lists the suspended questions.");
  changeQueue(context, "unsuspend", keys);
  context.io.stdout.write(keys.length === 0 ? "No question is suspended.\n" : `Unsuspended ${keys.length === 1 ? "1 question" : `${keys.length} questions`}.\n`);
  return EXIT.ok;
}

export async function suspended(options: { json?: boolean }, context: Context): Promise<number> {
  const controls = readQueueControls(context);
  const list = [...controls.suspended].map(([key, at]) => ({ key, since: at }));
  if (options.json) {
    context.io.stdout.write(`${terminalSafeJson({ suspended: list, buried: [...controls.buried] }, 2)}\n`);
    return EXIT.ok;
  }
  if (list.length === 0 && controls.buried.size === 0) {
    context.io.stdout.write("No question is suspended or buried.\n");
    return EXIT.ok;
  }
  const lines = [
    ...(list.length > 0 ? [`Suspended (${list.length}):`, ...list.map((item) => `  ${sanitizeLine(item.key)}  since ${item.since.slice(0, 10)}`)] : []),
    ...(controls.buried.size > 0 ? [`Buried until tomorrow (${controls.buried.size}):`, ...[...controls.buried].map((key) => `  ${sanitizeLine(key)}`)] : []),
  ];
  context.io.stdout.write(`${lines.join("\n")}\n`);
  return EXIT.ok;
}
