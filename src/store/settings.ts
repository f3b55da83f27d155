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
import { DamagedConfigError, SETTINGS_FILE, parseConfig, type StoredSettings } from "./config-file.js";

export { SETTINGS_FILE };


export interface SettingsOptions {
  readonly now: () => Date;
  readonly onNotice: (message: string) => void;
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
        pauseAfterFeedback: stored.pauseAfterFeedback ?? DEFAULT_SETTINGS.pauseAfterFeedback,
        leechThreshold: stored.leechThreshold ?? DEFAULT_SETTINGS.leechThreshold,
        leechAction: stored.leechAction ?? DEFAULT_SETTINGS.leechAction,
        cramReschedules: stored.cramReschedules ?? DEFAULT_SETTINGS.cramReschedules,
        statementDrill: stored.statementDrill ?? DEFAULT_SETTINGS.statementDrill,
        fsrsWeights: stored.fsrsWeights ?? DEFAULT_SETTINGS.fsrsWeights,
        examDate: stored.examDate ?? DEFAULT_SETTINGS.examDate,
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
