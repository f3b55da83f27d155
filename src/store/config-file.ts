// config.json as data: the checks every reader of it runs. conf (settings.ts) writes the file and runs
// these through its `deserialize`; sessions only read it, here, without loading conf (about 150 ms of
// start-up, measured).

import path from "node:path";
import { DEFAULT_SETTINGS, SETTING_NAMES, SETTINGS, type SettingName, type Settings, type SettingsView } from "./setting-definitions.js";
import { errnoCode, nodeFs, setAside, storeFailure, type StoreFs } from "./store-fs.js";

export const SETTINGS_FILE = "config.json";

export type StoredSettings = { [K in SettingName]?: Settings[K] };

export class DamagedConfigError extends Error {}

// Damage is found in `deserialize`, which conf calls on every read; conf passes the error on instead
// of treating the file as empty. conf's `schema` option would do the same through ajv but compiles a
// validator on every open (35 to 110 ms measured, against nothing for these checks). With no defaults
// given to conf, opening settings writes nothing; defaults are filled in when values are read.
export function parseConfig(text: string): StoredSettings {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new DamagedConfigError(text.trim() === "" ? "it is empty" : "it is not valid JSON");
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new DamagedConfigError(`it holds ${Array.isArray(data) ? "a list" : String(data)}, not an object`);
  }
  const stored = data as Record<string, unknown>;
  for (const name of SETTING_NAMES) {
    if (stored[name] === undefined) continue;
    try {
      SETTINGS[name].check(stored[name]);
    } catch (error) {
      throw new DamagedConfigError(error instanceof Error ? error.message : String(error));
    }
  }
  return stored as StoredSettings;
}


/**
 * The settings in force, defaults filled in. A damaged file is set aside with a message, as conf's
 * reader does, and the defaults are used; a missing file means the defaults.
 */
export interface ReadSettingsOptions {
  readonly now: () => Date;
  readonly onNotice: (message: string) => void;
  readonly fs?: StoreFs;
  /** Leave a damaged file where it is (the defaults are used all the same). */
  readonly readOnly?: boolean;
}

export function readSettings(dataDir: string, options: ReadSettingsOptions): Settings {
  const fsys = options.fs ?? nodeFs;
  const file = path.join(dataDir, SETTINGS_FILE);
  let text: string;
  try {
    text = fsys.readFileSync(file, "utf8");
  } catch (error) {
    if (errnoCode(error) === "ENOENT") return { ...DEFAULT_SETTINGS };
    throw storeFailure(error, "read", file);
  }
  try {
    return { ...DEFAULT_SETTINGS, ...parseConfig(text) };
  } catch (error) {
    if (!(error instanceof DamagedConfigError)) throw error;
    if (options.readOnly === true) {
      options.onNotice(`${file} could not be read (${error.message}); using the default settings.`);
      return { ...DEFAULT_SETTINGS };
    }
    const aside = setAside(file, "damaged", options.now(), fsys);
    options.onNotice(`${file} could not be read (${error.message}). Moved it to ${aside}; using the default settings.`);
    return { ...DEFAULT_SETTINGS };
  }
}

/** Settings read once, as a view: a change made during a session applies from the next one. */
export function fixedSettings(values: Settings): SettingsView {
  return { values: () => ({ ...values }), get: (name) => values[name] };
}
