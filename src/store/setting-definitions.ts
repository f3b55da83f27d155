// The learner's settings: names, meanings, defaults and the checks on values, in one table that
// `prelim config list|get|set` and the README are built from. No file access here.

import { UsageError } from "../errors.js";

export interface Settings {
  readonly desiredRetention: number;
  readonly newPerDay: number;
  readonly reviewsPerDay: number;
}

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
}

/** A setting name or value that cannot be used; the message lists what is allowed. Exit 2. */
export class InvalidSettingError extends UsageError {
  override readonly name: string = "InvalidSettingError";
}

function numberSetting<K extends SettingName>(
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
};

export const SETTING_NAMES: readonly SettingName[] = ["desiredRetention", "newPerDay", "reviewsPerDay"];

export const DEFAULT_SETTINGS: Settings = {
  desiredRetention: SETTINGS.desiredRetention.default,
  newPerDay: SETTINGS.newPerDay.default,
  reviewsPerDay: SETTINGS.reviewsPerDay.default,
};

export function isSettingName(name: string): name is SettingName {
  return (SETTING_NAMES as readonly string[]).includes(name);
}

/** The definition of a setting named by the learner; throws InvalidSettingError listing the names. */
export function findSetting(name: string): SettingDefinition {
  if (!isSettingName(name)) {
    throw new InvalidSettingError(`There is no setting "${name}". The settings are: ${SETTING_NAMES.join(", ")}.`);
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
  const values: Partial<Record<SettingName, number>> = {};
  for (const name of SETTING_NAMES) {
    const value = initial[name];
    if (value !== undefined) values[name] = SETTINGS[name].check(value);
  }
  const all = (): Settings => ({ ...DEFAULT_SETTINGS, ...values });
  return {
    values: all,
    get: (name) => all()[name],
    set(name, value) {
      values[name] = SETTINGS[name].check(value);
    },
    reset(name) {
      delete values[name];
    },
  };
}
