// Which dates a review or a card may carry. A date outside this range is not a time anyone answered
// (a hand edit, a clock set to 1970, a value near the end of JavaScript's dates): it is set aside like
// any unreadable line, so no later step (scheduling adds up to a century to it) can overflow and throw.

const DAY_MS = 86_400_000;

/** prelim did not exist before then; an earlier date is a clock reset or an edit. */
export const EARLIEST_REVIEW_MS = Date.UTC(2000, 0, 1);

/** How far after `now` a review may be dated: another machine's clock, a time zone slip. */
export const REVIEW_AHEAD_MS = DAY_MS;

/**
 * Up to this far ahead, a review is more likely right than the clock (a computer whose clock was
 * moved back): it is skipped for now but kept for later. Further ahead it is nonsense.
 */
export const CLOCK_BEHIND_LIMIT_MS = 20 * 366 * DAY_MS;

/** The longest interval the scheduler gives (ts-fsrs's default maximum, set explicitly there). */
export const MAX_INTERVAL_DAYS = 36_500;

export type DateCheck =
  | { readonly ok: true }
  /** `clockBehind`: the date is ahead of `now` but by less than CLOCK_BEHIND_LIMIT_MS. */
  | { readonly ok: false; readonly reason: string; readonly clockBehind: boolean };

/** Whether `at` (an ISO date) is a time a review could have happened, seen from `now`. */
export function checkReviewDate(at: string, now: Date): DateCheck {
  const time = Date.parse(at);
  if (Number.isNaN(time)) return { ok: false, reason: "`at` is not a date", clockBehind: false };
  if (time < EARLIEST_REVIEW_MS) return { ok: false, reason: `\`at\` (${at}) is before 2000`, clockBehind: false };
  const ahead = time - now.getTime();
  if (ahead > REVIEW_AHEAD_MS) {
    return {
      ok: false,
      reason: `\`at\` (${at}) is more than a day after this computer's clock`,
      clockBehind: ahead <= CLOCK_BEHIND_LIMIT_MS,
    };
  }
  return { ok: true };
}

/**
 * What is wrong with a card's dates seen from `now`, or undefined. A card reviewed ahead of the clock
 * is allowed as far as a clock can be behind (the scheduler takes such a review to happen at the last
 * one); its due date as far again as the longest interval.
 */
export function cardDatesProblem(card: { readonly due: string; readonly lastReview?: string | undefined }, now: Date): string | undefined {
  const latestReview = now.getTime() + CLOCK_BEHIND_LIMIT_MS;
  if (card.lastReview !== undefined) {
    const last = Date.parse(card.lastReview);
    if (Number.isNaN(last) || last < EARLIEST_REVIEW_MS || last > latestReview) {
      return `\`lastReview\` (${card.lastReview}) is out of range`;
    }
  }
  const due = Date.parse(card.due);
  const latestDue = latestReview + (MAX_INTERVAL_DAYS + 1) * DAY_MS;
  if (Number.isNaN(due) || due < EARLIEST_REVIEW_MS || due > latestDue) return `\`due\` (${card.due}) is out of range`;
  return undefined;
}
