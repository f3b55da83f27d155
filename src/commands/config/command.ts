// prelim config: its arguments and help, the settings listed from the settings table itself.

import { Command } from "commander";
import type { Runner } from "../define.js";
import { SETTINGS, SETTING_NAMES, type SettingDefinition } from "../../store/setting-definitions.js";

/** One line a setting, as `config --help` lists them: the same table `config list` reads. */
export function settingsHelp(): string {
  const width = Math.max(...SETTING_NAMES.map((name) => name.length));
  return SETTING_NAMES.map((name) => {
    const setting = SETTINGS[name];
    return `  ${name.padEnd(width)}  ${setting.allowed}, default ${(setting as SettingDefinition).format(setting.default)}\n  ${" ".repeat(width)}  ${setting.description}`;
  }).join("\n");
}

export function makeConfigCommand(run: Runner): Command {
  return new Command("config")
    .description("show or change settings: retention, daily limits, the exam date… (config --help lists them)")
    .argument("[action]", "list, get, set or reset", "list")
    .argument("[args...]", "the setting's name, and for set its value")
    .option("--json", "list as JSON")
    .addHelpText(
      "after",
      () => `
Settings:
${settingsHelp()}

Examples:
  $ prelim config
  $ prelim config set desiredRetention 0.85
  $ prelim config get newPerDay
  $ prelim config reset newPerDay
  $ prelim config set examDate 2027-05-24    aim schedules at the exam (then prelim plan)
  $ prelim config reset fsrsWeights          back to FSRS's default parameters`,
    )
    .action(
      run(async (command, context) => {
        const { config } = await import("./config.js");
        const [action, args] = command.processedArgs as [string, string[]];
        return config(action, args, command.opts(), context);
      }),
    );
}
