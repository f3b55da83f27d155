// The README teaches the bank format by example; the example must stay a valid bank.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { loadBankText } from "../../src/bank/load-bank.js";

const readme = fs.readFileSync(new URL("../../README.md", import.meta.url), "utf8");

describe("README", () => {
  it("shows a bank with every kind of question that validates with no problems", () => {
    const block = /```yaml\n(# yaml-language-server[\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    const loaded = loadBankText("README.md", block ?? "");
    expect(loaded.problems).toEqual([]);
    const kinds = new Set(loaded.bank?.questions.map((question) => question.kind));
    expect([...kinds].sort()).toEqual(["assertion", "choice", "match", "pairs", "statements", "true-false"]);
    expect(loaded.bank?.questions.some((question) => question.kind === "choice" && question.multiple)).toBe(true);
    // The comment beside the pairs' codes says what the screen shows.
    expect(loaded.bank?.questions.find((question) => question.id === "who-did-what-codes")?.options).toEqual(["1 and 2 only", "2 only", "1 and 3 only", "3 only"]);
  });

  it("documents every command the CLI registers", async () => {
    for (const command of ["practice", "review", "mock", "stats", "banks", "validate", "config"]) {
      expect(readme).toContain(`prelim ${command}`);
    }
  });
});

describe("README settings", () => {
  it("lists every setting with what is allowed and the default of the settings table", async () => {
    const { SETTINGS, SETTING_NAMES } = await import("../../src/store/setting-definitions.js");
    const table = readme.slice(readme.indexOf("**Settings**")).split("\n\n")[1] ?? "";
    const rows = [...table.matchAll(/^\| `(\w+)` \| ([^|]+?) \| ([^|]+?) \|/gm)].map((match) => match.slice(1, 4));
    expect(rows.map((row) => row[0])).toEqual([...SETTING_NAMES]);
    for (const [name, allowed = "", value = ""] of rows) {
      const setting = SETTINGS[name as keyof typeof SETTINGS];
      const range = /^([\d.]+) to ([\d.]+)$/.exec(allowed);
      if (range) {
        expect(setting.default, name).toBe(Number(value));
        expect(setting.allowed, name).toContain(`from ${range[1]} to ${range[2]}`);
      } else if (!setting.allowed.startsWith("one of ")) {
        // A list or a date: the allowed values in words, the default as config shows it.
        expect(setting.allowed, name).toBe(allowed.replace(/`/g, ""));
        expect(value, name).toBe(`\`${(setting as { format: (value: unknown) => string }).format(setting.default)}\``);
      } else {
        // A choice: its words in backticks, the default one of them.
        expect(`\`${String(setting.default)}\``, name).toBe(value);
        expect(setting.allowed, name).toBe(`one of ${allowed.replace(/`/g, "")}`);
      }
    }
  });
});
