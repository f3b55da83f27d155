// The questions asked at the start of an interactive practice session when the command line did not say:
// which banks, which topics, how many questions.

import type { Bank } from "../core/question.js";
import { sanitizeLine } from "../core/sanitize.js";
import { answerPrompt } from "./answer-prompt.js";
import type { Style } from "../core/style.js";
import { ask } from "./prompt.js";
import type { Viewport } from "./viewport.js";

export interface SessionChoice {
  readonly banks: readonly Bank[];
  readonly topics: readonly string[];
  readonly count: number;
}

const COUNTS = [5, 10, 20, 50] as const;

export async function pickSession(banks: readonly Bank[], options: { style: Style; signal: AbortSignal; askCount: boolean; defaultCount: number; viewport?: Viewport }): Promise<SessionChoice> {
  const { style, signal } = options;
  // Every picker pages to the terminal's height and follows its resizes.
  const view = options.viewport === undefined ? {} : { viewport: options.viewport };
  const label = (position: number, text: string) => `${String.fromCharCode(97 + position)}) ${text}`;

  let chosenBanks = banks;
  if (banks.length > 1) {
    const picked = await ask(
      (context) =>
        answerPrompt(
          {
            message: style.bold("Which banks?"),
            options: banks.slice(0, 26).map((bank, index) => label(index, `${sanitizeLine(bank.title)} ${style.dim(`(${bank.questions.length})`)}`)),
            multiple: true,
            initial: banks.slice(0, 26).map((_, index) => index),
            style,
            ...view,
            help: `letters or space to tick, Enter to go on${banks.length > 26 ? ` (${banks.length - 26} more banks not listed: name them on the command line)` : ""}`,
          },
          context,
        ),
      { signal },
    );
    chosenBanks = picked.map((index) => banks[index]).filter((bank): bank is Bank => bank !== undefined);
  }

  const tagCounts = new Map<string, number>();
  for (const question of chosenBanks.flatMap((bank) => bank.questions)) for (const tag of question.tags) tagCounts.set(tag, (tagCounts.get(tag) ?? 0) + 1);
  const tags = [...tagCounts].sort((a, b) => b[1] - a[1]).slice(0, 26);
  let topics: string[] = [];
  if (tags.length > 1) {
    const picked = await ask(
      (context) =>
        answerPrompt(
          {
            message: style.bold("Which topics?"),
            options: tags.map(([tag, count], index) => label(index, `${sanitizeLine(tag)} ${style.dim(`(${count})`)}`)),
            multiple: true,
            allowEmpty: true,
            style,
            ...view,
            help: "tick topics with letters or space; Enter with none ticked for all",
          },
          context,
        ),
      { signal },
    );
    topics = picked.map((index) => tags[index]?.[0]).filter((tag): tag is string => tag !== undefined);
  }

  let count = options.defaultCount;
  if (options.askCount) {
    const counts = [...COUNTS];
    const picked = await ask(
      (context) =>
        answerPrompt(
          { message: style.bold("How many questions?"), options: counts.map((n, index) => label(index, String(n))), multiple: false, initial: [Math.max(0, counts.indexOf(options.defaultCount as (typeof COUNTS)[number]))], style, ...view },
          context,
        ),
      { signal },
    );
    count = counts[picked[0] ?? 1] ?? options.defaultCount;
  }
  return { banks: chosenBanks, topics, count };
}
