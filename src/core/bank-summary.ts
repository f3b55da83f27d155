// What `prelim banks` says of a bank: its size by topic and by kind.

import type { Bank, QuestionKind } from "./question.js";

export interface BankSummary {
  readonly id: string;
  readonly title: string;
  readonly questions: number;
  /** Questions per tag, most common first. */
  readonly tags: Readonly<Record<string, number>>;
  readonly kinds: Readonly<Partial<Record<QuestionKind, number>>>;
}

export function summarizeBank(bank: Bank): BankSummary {
  const tags = new Map<string, number>();
  const kinds: Partial<Record<QuestionKind, number>> = {};
  for (const question of bank.questions) {
    for (const tag of question.tags) tags.set(tag, (tags.get(tag) ?? 0) + 1);
    kinds[question.kind] = (kinds[question.kind] ?? 0) + 1;
  }
  const sortedTags = [...tags].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return { id: bank.id, title: bank.title, questions: bank.questions.length, tags: Object.fromEntries(sortedTags), kinds };
}
