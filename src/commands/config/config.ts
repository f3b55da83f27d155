// prelim config list|get|set|reset: the learner's settings (desired retention, daily limits).

import { openSettings } from "../../store/settings.js";
import { SETTINGS, SETTING_NAMES, findSetting, setFromText } from "../../store/setting-definitions.js";
import { sanitize } from "../../core/sanitize.js";
import type { Context } from "../../context.js";
import { EXIT, UsageError } from "../../errors.js";

export type ConfigAction = "list" | "get" | "set" | "reset";

export async function config(action: string, args: readonly string[], options: { json?: boolean }, context: Context): Promise<number> {
  const { io } = context;
  const settings = openSettings(context.dataDir, { now: () => io.now(), onNotice: (message) => io.stderr.write(`prelim: ${sanitize(message)}\n`) });
  const [name, value] = args;
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
        const isDefault = values[setting] === definition.default ? " (default)" : "";
        io.stdout.write(`${setting.padEnd(width)}  ${values[setting]}${isDefault}\n${" ".repeat(width + 2)}${definition.description} Allowed: ${definition.allowed}.\n`);
      }
      io.stdout.write(`\nKept in ${settings.file ?? context.dataDir}\n`);
      return EXIT.ok;
    }
    case "get":
      if (name === undefined) throw new UsageError("config get needs a setting name", `The settings are: ${SETTING_NAMES.join(", ")}.`);
      io.stdout.write(`${settings.get(findSetting(name).name)}\n`);
      return EXIT.ok;
    case "set":
      if (name === undefined || value === undefined) throw new UsageError("config set needs a setting name and a value, e.g. prelim config set newPerDay 30");
      setFromText(settings, name, value);
      io.stdout.write(`${name} = ${settings.get(findSetting(name).name)}\n`);
      return EXIT.ok;
    case "reset":
      if (name === undefined) throw new UsageError("config reset needs a setting name", `The settings are: ${SETTING_NAMES.join(", ")}.`);
      settings.reset(findSetting(name).name);
      io.stdout.write(`${name} = ${settings.get(findSetting(name).name)} (default)\n`);
      return EXIT.ok;
    default:
      throw new UsageError(`unknown config action '${action}': use list, get, set or reset`);
  }
}
