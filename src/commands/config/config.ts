// prelim config list|get|set|reset: the learner's settings (desired retention, daily limits).

import { openSettings } from "../../store/settings.js";
import { SETTINGS, SETTING_NAMES, findSetting, type SettingDefinition, type SettingName, type SettingsView } from "../../store/setting-definitions.js";
import { withReschedule } from "../../store/reschedule.js";
import { sanitize } from "../../core/sanitize.js";
import type { Context } from "../../context.js";
import { EXIT, UsageError } from "../../errors.js";

export type ConfigAction = "list" | "get" | "set" | "reset";

export async function config(action: string, args: readonly string[], options: { json?: boolean }, context: Context): Promise<number> {
  const { io } = context;
  const settings = openSettings(context.dataDir, { now: () => io.now(), onNotice: (message) => io.stderr.write(`prelim: ${sanitize(message)}\n`) });
  const [name, value] = args;
  const shown = (setting: SettingName, view: SettingsView = settings) => (SETTINGS[setting] as SettingDefinition).format(view.get(setting) as never);
  // A setting that moves existing schedules is saved together with dropping progress.json (rebuilt
  // from the log on the next open), under the lock.
  const change = (definition: SettingDefinition, work: () => void) =>
    definition.reschedules ? withReschedule(context.dataDir, { now: () => io.now() }, work) : work();
  switch (action) {
    case "list": {
      const values = settings.values();
      if (options.json) {
        io.stdout.write(`${JSON.stringify(values, null, 2)}\n`);
        return EXIT.ok;
      }
      const width = Math.max(...SETTING_NAMES.map((setting) => setting.length));
      for (const setting of SETTING_NAMES) {
        const definition = SETTINGS[setting];
        const text = shown(setting);
        const isDefault = text === (definition as SettingDefinition).format(definition.default) ? " (default)" : "";
        io.stdout.write(`${setting.padEnd(width)}  ${text}${isDefault}\n${" ".repeat(width + 2)}${definition.description} Allowed: ${definition.allowed}.\n`);
      }
      io.stdout.write(`\nKept in ${settings.file ?? context.dataDir}\n`);
      return EXIT.ok;
    }
    case "get":
      if (name === undefined) throw new UsageError("config get needs a setting name", `The settings are: ${SETTING_NAMES.join(", ")}.`);
      io.stdout.write(`${shown(findSetting(name).name)}\n`);
      return EXIT.ok;
    case "set": {
      if (name === undefined || value === undefined) throw new UsageError("config set needs a setting name and a value, e.g. prelim config set newPerDay 30");
      const definition = findSetting(name);
      const parsed = definition.parse(value);
      change(definition, () => settings.set(definition.name, parsed));
      io.stdout.write(`${name} = ${shown(definition.name)}\n`);
      return EXIT.ok;
    }
    case "reset": {
      if (name === undefined) throw new UsageError("config reset needs a setting name", `The settings are: ${SETTING_NAMES.join(", ")}.`);
      const definition = findSetting(name);
      change(definition, () => settings.reset(definition.name));
      io.stdout.write(`${name} = ${shown(definition.name)} (default)\n`);
      return EXIT.ok;
    }
    default:
      throw new UsageError(`unknown config action '${action}': use list, get, set or reset`);
  }
}
