// The learner's settings: names, meanings, defaults and the checks on values, in one table that
// `prelim config list|get|set` and the README are built from. No file access here.

import { closestWord } from "../bank/closest-word.js";
import { UsageError } from "../errors.js";

/** When practice and review wait for a key after the feedback: `auto` when it and the next question do not fit one screen. */
export const PAUSE_CHOICES = ["auto", "always", "never"] as const;
export type PauseAfterFeedback = (typeof PAUSE_CHOICES)[number];

/** What happens to a leech (a question missed leechThreshold times), as Anki's leech action. */
export const LEECH_ACTIONS = ["tag", "suspend"] as const;
export type LeechAction = (typeof LEECH_ACTIONS)[number];

/** Whether crammed answers (practice --missed, review --due-ahead) change the schedule: Anki's filtered-deck "reschedule". */
export const CRAM_CHOICES = ["false", "true"] as const;
export type CramReschedules = (typeof CRAM_CHOICES)[number];

/** Whether review mixes in the statement checks due (single misjudged statements as true/false). */
export const STATEMENT_DRILL_CHOICES = ["false", "true"] as const;
export type StatementDrill = (typeof STATEMENT_DRILL_CHOICES)[number];

export interface Settings {
  readonly desiredRetention: number;
  readonly newPerDay: number;
  readonly reviewsPerDay: number;
  readonly pauseAfterFeedback: PauseAfterFeedback;
  readonly leechThreshold: number;
  readonly leechAction: LeechAction;
  readonly cramReschedules: CramReschedules;
  readonly statementDrill: StatementDrill;
  /** FSRS parameters fitted by `prelim optimize`; empty means FSRS's own defaults. */
  readonly fsrsWeights: readonly number[];
  /** The exam day as YYYY-MM-DD, which scheduling aims at; null for none. */
  readonly examDate: string | null;
}

/** How many parameters FSRS-6 has: what `prelim optimize` fits and ts-fsrs takes. */
export const FSRS_WEIGHT_COUNT = 21;

export type SettingName = keyof Settings;

export interface SettingDefinition<K extends SettingName = SettingName> {
  readonly name: K;
  readonly description: string;
  readonly default: Settings[K];
  /** What values are allowed, in words, for help text and messages. */
  readonly allowed: string;
  /** Parses a value typed by the learner; throws InvalidSettingError naming the setting and the value. */
  parse(text: string): Settings[K];
  /** Checks a value from code or a file; throws InvalidSettingError. */
  check(value: unknown): Settings[K];
  /** The value as `config list|get` and help show it (parse reads it back). */
  format(value: Settings[K]): string;
  /**
   * A change moves existing schedules, not only the next ones: progress.json, folded with the old
   * value, is dropped so the next open folds the log again with the new one.
   */
  readonly reschedules: boolean;
}

/** A setting name or value that cannot be used; the message lists what is allowed. Exit 2. */
export class InvalidSettingError extends UsageError {
  override readonly name: string = "InvalidSettingError";
}

type NamesOf<T> = { [K in SettingName]: Settings[K] extends T ? K : never }[SettingName];
type NumberSettingName = NamesOf<number>;
type ChoiceSettingName = NamesOf<string>;
type ListSettingName = NamesOf<readonly number[]>;
type DateSettingName = Exclude<NamesOf<string | null>, NamesOf<string>>;

function numberSetting<K extends NumberSettingName>(
  name: K,
  description: string,
  defaultValue: number,
  range: { readonly min: number; readonly max: number; readonly integer: boolean; readonly digits: number },
): SettingDefinition<K> {
  const allowed = `a ${range.integer ? "whole number" : "number"} from ${range.min.toFixed(range.digits)} to ${range.max.toFixed(range.digits)}`;
  const fail = (shown: string): never => {
    throw new InvalidSettingError(`${name} must be ${allowed}, got ${shown}`);
  };
  const check = (value: unknown): number => {
    const shown = typeof value === "string" ? JSON.stringify(value) : String(value);
    if (typeof value !== "number" || !Number.isFinite(value)) return fail(shown);
    if (range.integer && !Number.isInteger(value)) return fail(shown);
    if (value < range.min || value > range.max) return fail(shown);
    return value;
  };
  return {
    name,
    description,
    default: defaultValue,
    allowed,
    parse(text) {
      const trimmed = text.trim();
      const pattern = range.integer ? /^\d+$/ : /^(\d+(\.\d*)?|\.\d+)$/;
      if (!pattern.test(trimmed)) return fail(JSON.stringify(text));
      try {
        return check(Number(trimmed));
      } catch {
        return fail(JSON.stringify(text));
      }
    },
    check,
    format: String,
    reschedules: false,
  };
}

/** A setting that takes one word of a fixed list. */
function choiceSetting<K extends ChoiceSettingName>(name: K, description: string, choices: readonly Settings[K][], defaultValue: Settings[K], reschedules = false): SettingDefinition<K> {
  const allowed = `one of ${choices.join(", ")}`;
  const check = (value: unknown): Settings[K] => {
    const found = choices.find((choice) => choice === value);
    if (found !== undefined) return found;
    const shown = typeof value === "string" ? JSON.stringify(value) : String(value);
    const near = typeof value === "string" ? closestWord(value.trim(), choices) : undefined;
    throw new InvalidSettingError(`${name} must be ${allowed}, got ${shown}${near === undefined ? "" : `; did you mean ${near}?`}`);
  };
  return {
    name,
    description,
    default: defaultValue,
    allowed,
    parse: (text) => check(text.trim().toLowerCase()),
    check,
    format: String,
    reschedules,
  };
}

/**
 * A list of numbers, all or none: exactly `count` finite numbers, or the empty list for "the
 * default". Typed as numbers separated by commas or spaces; `default` means the empty list.
 */
function weightsSetting<K extends ListSettingName>(name: K, description: string, count: number): SettingDefinition<K> {
  const allowed = `${count} numbers separated by commas, or default`;
  const fail = (shown: string, why: string): never => {
    throw new InvalidSettingError(`${name} must be ${allowed}; got ${shown}: ${why}`);
  };
  const check = (value: unknown): readonly number[] => {
    if (!Array.isArray(value)) return fail(typeof value === "string" ? JSON.stringify(value) : String(value), "not a list");
    if (value.length === 0) return [];
    const bad = value.findIndex((item) => typeof item !== "number" || !Number.isFinite(item));
    if (bad !== -1) return fail(`a list of ${value.length}`, `item ${bad + 1} is not a number`);
    if (value.length !== count) return fail(`a list of ${value.length}`, `FSRS-6 takes ${count}`);
    return [...(value as number[])];
  };
  return {
    name,
    description,
    default: [],
    allowed,
    parse(text) {
      const trimmed = text.trim();
      if (trimmed.toLowerCase() === "default" || trimmed === "") return [];
      const words = trimmed.replace(/^\[|\]$/g, "").split(/[\s,]+/).filter((word) => word !== "");
      const bad = words.find((word) => !/^-?(\d+(\.\d*)?|\.\d+)(e-?\d+)?$/i.test(word));
      if (bad !== undefined) return fail(JSON.stringify(text), `${JSON.stringify(bad)} is not a number`);
      return check(words.map(Number));
    },
    check,
    format: (value) => (value.length === 0 ? "default" : value.map((weight) => Number(weight.toFixed(4))).join(",")),
    reschedules: true,
  };
}

/** A calendar date, YYYY-MM-DD, or none (null). */
function dateSetting<K extends DateSettingName>(name: K, description: string): SettingDefinition<K> {
  const allowed = "a date YYYY-MM-DD, or none";
  const check = (value: unknown): string | null => {
    if (value === null) return null;
    const shown = typeof value === "string" ? JSON.stringify(value) : String(value);
    const match = typeof value === "string" ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
    const [year, month, day] = (match?.slice(1) ?? []).map(Number);
    const date = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1));
    if (match === null || date.getUTCMonth() !== (month ?? 0) - 1 || date.getUTCDate() !== day || (year ?? 0) < 2000) {
      throw new InvalidSettingError(`${name} must be ${allowed} (for example 2027-05-24), got ${shown}`);
    }
    return value as string;
  };
  return {
    name,
    description,
    default: null,
    allowed,
    parse(text) {
      const trimmed = text.trim();
      return trimmed.toLowerCase() === "none" ? null : check(trimmed);
    },
    check,
    format: (value) => value ?? "none",
    reschedules: true,
  };
}

export const SETTINGS: { readonly [K in SettingName]: SettingDefinition<K> } = {
  desiredRetention: numberSetting(
    "desiredRetention",
    "The chance of remembering a question that scheduling aims for: higher means more reviews.",
    0.9,
    { min: 0.7, max: 0.99, integer: false, digits: 2 },
  ),
  newPerDay: numberSetting("newPerDay", "New questions introduced per day in review sessions.", 20, {
    min: 0,
    max: 1000,
    integer: true,
    digits: 0,
  }),
  reviewsPerDay: numberSetting("reviewsPerDay", "Questions due for review asked per day, at most.", 200, {
    min: 0,
    max: 10_000,
    integer: true,
    digits: 0,
  }),
  pauseAfterFeedback: choiceSetting(
    "pauseAfterFeedback",
    "Practice and review: wait for a key after the feedback (auto: when it and the next question do not fit on one screen).",
    PAUSE_CHOICES,
    "auto",
  ),
  leechThreshold: numberSetting("leechThreshold", "A question answered wrong this many times is a leech (Anki's default: 8).", 8, {
    min: 1,
    max: 100,
    integer: true,
    digits: 0,
  }),
  leechAction: choiceSetting(
    "leechAction",
    "What a leech does: tag (stays in the queue, listed first among the weakest in stats) or suspend (kept out until unsuspended).",
    LEECH_ACTIONS,
    "tag",
  ),
  cramReschedules: choiceSetting(
    "cramReschedules",
    "Whether crammed answers (practice --missed, review --due-ahead) move the schedule; false: they are logged and counted, and the schedule stays.",
    CRAM_CHOICES,
    "false",
  ),
  statementDrill: choiceSetting(
    "statementDrill",
    "Whether review asks the statements you misjudged, each alone as a true/false check, on its own schedule; false: a question comes back when its weakest statement is due, and only prelim review --statements asks them alone.",
    STATEMENT_DRILL_CHOICES,
    "false",
    // The drill changes what brings a question back (its weak statements, or not), so existing
    // schedules are recomputed, as for the exam date.
    true,
  ),
  fsrsWeights: weightsSetting(
    "fsrsWeights",
    "FSRS parameters fitted to your own answers by `prelim optimize` (default: FSRS's own).",
    FSRS_WEIGHT_COUNT,
  ),
  examDate: dateSetting(
    "examDate",
    "The exam day: no question is left to fall below desiredRetention by then, and plan and stats show that day.",
  ),
};

export const SETTING_NAMES: readonly SettingName[] = ["desiredRetention", "newPerDay", "reviewsPerDay", "pauseAfterFeedback", "leechThreshold", "leechAction", "cramReschedules", "statementDrill", "fsrsWeights", "examDate"];

export const DEFAULT_SETTINGS: Settings = {
  desiredRetention: SETTINGS.desiredRetention.default,
  newPerDay: SETTINGS.newPerDay.default,
  reviewsPerDay: SETTINGS.reviewsPerDay.default,
  pauseAfterFeedback: SETTINGS.pauseAfterFeedback.default,
  leechThreshold: SETTINGS.leechThreshold.default,
  leechAction: SETTINGS.leechAction.default,
  cramReschedules: SETTINGS.cramReschedules.default,
  statementDrill: SETTINGS.statementDrill.default,
  fsrsWeights: SETTINGS.fsrsWeights.default,
  examDate: SETTINGS.examDate.default,
};

export function isSettingName(name: string): name is SettingName {
  return (SETTING_NAMES as readonly string[]).includes(name);
}

/** The definition of a setting named by the learner; throws InvalidSettingError listing the names. */
export function findSetting(name: string): SettingDefinition {
  if (!isSettingName(name)) {
    const near = closestWord(name, SETTING_NAMES);
    throw new InvalidSettingError(
      `There is no setting "${name}".${near === undefined ? "" : ` Did you mean ${near}?`} The settings are: ${SETTING_NAMES.join(", ")}.`,
    );
  }
  return SETTINGS[name] as SettingDefinition;
}

/** Settings as a session sees them: read once, never written. */
export interface SettingsView {
  /** Every setting, defaults filled in. */
  values(): Settings;
  get<K extends SettingName>(name: K): Settings[K];
}

/** Where settings are kept: config.json with conf, or memory in tests. */
export interface SettingsStore extends SettingsView {
  /** The file the settings live in, when there is one. */
  readonly file?: string;
  /** Checks the value (InvalidSettingError) and saves it. */
  set<K extends SettingName>(name: K, value: Settings[K]): void;
  /** Back to the default. */
  reset(name: SettingName): void;
}

/** Sets a setting from text the learner typed: `prelim config set newPerDay 30`. */
export function setFromText(store: SettingsStore, name: string, text: string): void {
  const definition = findSetting(name);
  store.set(definition.name, definition.parse(text));
}

export function memorySettings(initial: Partial<Settings> = {}): SettingsStore {
  const values: { -readonly [K in SettingName]?: Settings[K] } = {};
  const put = <K extends SettingName>(name: K, value: Settings[K]) => {
    values[name] = SETTINGS[name].check(value);
  };
  for (const name of SETTING_NAMES) {
    const value = initial[name];
    if (value !== undefined) put(name, value);
  }
  const all = (): Settings => ({ ...DEFAULT_SETTINGS, ...values });
  return {
    values: all,
    get: (name) => all()[name],
    set(name, value) {
      put(name, value);
    },
    reset(name) {
      delete values[name];
    },
  };
}
