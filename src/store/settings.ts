// Settings in config.json, kept with conf (the only file that imports it). conf rewrites the whole
// file on each set and loses updates between processes, which is fine for a few settings changed by
// hand and is why progress lives elsewhere. A damaged file (garbage, `null`, `42`, `[]`, a value out
// of range) is set aside with a message, never treated as empty and overwritten.

import path from "node:path";
import Conf from "conf";
import {
  DEFAULT_SETTINGS,
  SETTING_NAMES,
  SETTINGS,
  type SettingName,
  type Settings,
  type SettingsStore,
} from "./setting-definitions.js";
import { setAside, storeFailure } from "./store-fs.js";

export const SETTINGS_FILE = "config.json";

type StoredSettings = { [K in SettingName]?: Settings[K] };

export interface SettingsOptions {
  readonly now: () => Date;
  readonly onNotice: (message: string) => void;
}

class DamagedConfigError extends Error {}

// Damage is found in `deserialize`, which conf calls on every read; conf passes the error on instead
// of treating the file as empty. conf's `schema` option would do the same through ajv but compiles a
// validator on every open (35 to 110 ms measured, against nothing for these checks). With no defaults
// given to conf, opening settings writes nothing; defaults are filled in when values are read.
function parseConfig(text: string): StoredSettings {
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

export function openSettings(dataDir: string, options: SettingsOptions): SettingsStore {
  const file = path.join(dataDir, SETTINGS_FILE);

  // A damaged file is set aside once and conf tried again; anything else is a real failure.
  function withRepair<T>(action: string, work: () => T): T {
    try {
      return work();
    } catch (error) {
      if (!(error instanceof DamagedConfigError)) throw storeFailure(error, action, file);
      const aside = setAside(file, "damaged", options.now());
      options.onNotice(`${file} could not be read (${error.message}). Moved it to ${aside}; using the default settings.`);
      try {
        return work();
      } catch (again) {
        throw storeFailure(again, action, file);
      }
    }
  }

  const conf = withRepair(
    "read",
    () => new Conf<StoredSettings>({ cwd: dataDir, configName: "config", projectName: "prelim", deserialize: parseConfig }),
  );

  // Keys other than ours (from a newer prelim, or typed by hand) are left in the file and ignored.
  const values = (): Settings =>
    withRepair("read", () => {
      const stored = conf.store;
      return {
        desiredRetention: stored.desiredRetention ?? DEFAULT_SETTINGS.desiredRetention,
        newPerDay: stored.newPerDay ?? DEFAULT_SETTINGS.newPerDay,
        reviewsPerDay: stored.reviewsPerDay ?? DEFAULT_SETTINGS.reviewsPerDay,
      };
    });

  return {
    file,
    values,
    get: (name) => values()[name],
    set(name, value) {
      const checked = SETTINGS[name].check(value);
      withRepair("save", () => conf.set(name, checked));
    },
    reset(name) {
      withRepair("save", () => conf.delete(name));
    },
  };
}
