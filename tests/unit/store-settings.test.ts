import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  DEFAULT_SETTINGS,
  findSetting,
  InvalidSettingError,
  memorySettings,
  SETTINGS,
  setFromText,
} from "../../src/store/setting-definitions.js";
import { openSettings } from "../../src/store/settings.js";
import { StoreError } from "../../src/store/store-error.js";

const NOW = new Date("2024-05-01T10:00:00.000Z");

let dir: string;
let notices: string[];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "prelim-"));
  notices = [];
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function open(dataDir = dir) {
  return openSettings(dataDir, { now: () => NOW, onNotice: (message) => notices.push(message) });
}

describe("setting definitions", () => {
  it("has the documented defaults", () => {
    expect(DEFAULT_SETTINGS).toEqual({ desiredRetention: 0.9, newPerDay: 20, reviewsPerDay: 200, pauseAfterFeedback: "auto", leechThreshold: 8, leechAction: "tag", cramReschedules: "false", statementDrill: "false", fsrsWeights: [], examDate: null });
  });

  it.each([
    ["desiredRetention", "0.85", 0.85],
    ["desiredRetention", " 0.70 ", 0.7],
    ["desiredRetention", ".99", 0.99],
    ["newPerDay", "0", 0],
    ["newPerDay", "1000", 1000],
    ["reviewsPerDay", "350", 350],
  ] as const)("parses %s %j", (name, text, value) => {
    expect(findSetting(name).parse(text)).toBe(value);
  });

  it.each([
    ["desiredRetention", "2", 'desiredRetention must be a number from 0.70 to 0.99, got "2"'],
    ["desiredRetention", "0.5", 'desiredRetention must be a number from 0.70 to 0.99, got "0.5"'],
    ["desiredRetention", "high", 'desiredRetention must be a number from 0.70 to 0.99, got "high"'],
    ["desiredRetention", "", 'desiredRetention must be a number from 0.70 to 0.99, got ""'],
    ["newPerDay", "2.5", 'newPerDay must be a whole number from 0 to 1000, got "2.5"'],
    ["newPerDay", "1001", 'newPerDay must be a whole number from 0 to 1000, got "1001"'],
    ["newPerDay", "-1", 'newPerDay must be a whole number from 0 to 1000, got "-1"'],
    ["reviewsPerDay", "1e3", 'reviewsPerDay must be a whole number from 0 to 10000, got "1e3"'],
  ] as const)("refuses %s %j with a clear message", (name, text, message) => {
    expect(() => findSetting(name).parse(text)).toThrow(new InvalidSettingError(message));
  });

  it("names the settings when asked for an unknown one", () => {
    expect(() => findSetting("retention")).toThrow(/no setting "retention".*desiredRetention, newPerDay, reviewsPerDay/);
  });

  it("checks values set in memory", () => {
    const store = memorySettings({ newPerDay: 5 });
    expect(store.values()).toEqual({ ...DEFAULT_SETTINGS, newPerDay: 5 });
    expect(() => store.set("desiredRetention", 1.5)).toThrow(InvalidSettingError);
    store.reset("newPerDay");
    expect(store.get("newPerDay")).toBe(SETTINGS.newPerDay.default);
  });
});

describe("settings in config.json", () => {
  it("takes fsrsWeights as 21 numbers or default, and shows them as typed", () => {
    const weights = findSetting("fsrsWeights");
    const typed = Array.from({ length: 21 }, (_, index) => (index + 1) / 10);
    expect(weights.parse(typed.join(","))).toEqual(typed);
    expect(weights.parse(`[${typed.join(", ")}]`)).toEqual(typed);
    expect(weights.parse(typed.join(" "))).toEqual(typed);
    expect(weights.parse(" Default ")).toEqual([]);
    expect(weights.format([])).toBe("default");
    expect(weights.format(typed as never)).toBe(typed.join(","));
    expect(() => weights.parse("1,2,3")).toThrow("fsrsWeights must be 21 numbers separated by commas, or default; got a list of 3: FSRS-6 takes 21");
    expect(() => weights.parse([...typed.slice(1), "x"].join(","))).toThrow('"x" is not a number');
    expect(() => weights.check("0.2,1.3")).toThrow("not a list");
    expect(() => weights.check([...typed.slice(1), Number.NaN])).toThrow("item 21 is not a number");
    expect(weights.reschedules).toBe(true);
    expect(findSetting("newPerDay").reschedules).toBe(false);
  });

  it("takes examDate as a real calendar date or none", () => {
    const exam = findSetting("examDate");
    expect(exam.parse(" 2027-05-24 ")).toBe("2027-05-24");
    expect(exam.parse("None")).toBeNull();
    expect(exam.format(null)).toBe("none");
    expect(exam.format("2027-05-24" as never)).toBe("2027-05-24");
    for (const bad of ["2027-02-30", "24-05-2027", "2027-5-24", "tomorrow", "1999-12-31"]) {
      expect(() => exam.parse(bad), bad).toThrow(`examDate must be a date YYYY-MM-DD, or none (for example 2027-05-24), got "${bad}"`);
    }
    expect(exam.reschedules).toBe(true);
  });

  it("reads defaults without writing a file, then keeps what is set", () => {
    const settings = open();
    expect(settings.values()).toEqual(DEFAULT_SETTINGS);
    expect(fs.existsSync(path.join(dir, "config.json"))).toBe(false);
    setFromText(settings, "desiredRetention", "0.95");
    settings.set("newPerDay", 7);
    expect(open().values()).toEqual({ ...DEFAULT_SETTINGS, desiredRetention: 0.95, newPerDay: 7 });
    expect(settings.file).toBe(path.join(dir, "config.json"));
    settings.reset("newPerDay");
    expect(open().get("newPerDay")).toBe(20);
    expect(notices).toEqual([]);
  });

  it("refuses an invalid value and leaves the file alone", () => {
    const settings = open();
    settings.set("newPerDay", 3);
    const before = fs.readFileSync(path.join(dir, "config.json"), "utf8");
    expect(() => settings.set("newPerDay", 3.5)).toThrow(InvalidSettingError);
    expect(fs.readFileSync(path.join(dir, "config.json"), "utf8")).toBe(before);
  });

  it.each([
    ["garbage", "{not json"],
    ["empty", ""],
    ["null", "null"],
    ["42", "42"],
    ["[]", "[]"],
    ["out of range", '{"desiredRetention": 2}'],
  ])("sets aside a config.json that is %s, with a message naming both paths", (_name, contents) => {
    const file = path.join(dir, "config.json");
    fs.writeFileSync(file, contents);
    const settings = open();
    expect(settings.values()).toEqual(DEFAULT_SETTINGS);
    const aside = fs.readdirSync(dir).filter((name) => name.startsWith("config.json.damaged-"));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, aside[0]!), "utf8")).toBe(contents);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(file);
    expect(notices[0]).toContain(path.join(dir, aside[0]!));
  });

  it("recovers when config.json is damaged during a session", () => {
    const settings = open();
    settings.set("newPerDay", 9);
    fs.writeFileSync(path.join(dir, "config.json"), "[]");
    expect(settings.values()).toEqual(DEFAULT_SETTINGS);
    settings.set("newPerDay", 11);
    expect(open().get("newPerDay")).toBe(11);
    expect(notices).toHaveLength(1);
  });

  it("gives a StoreError for a data dir under a file", () => {
    const blocker = path.join(dir, "a-file");
    fs.writeFileSync(blocker, "");
    expect(() => open(path.join(blocker, "data"))).toThrow(StoreError);
  });
});

describe("a setting that takes a word", () => {
  it("parses pauseAfterFeedback in any case and refuses other words, suggesting the near one", () => {
    expect(findSetting("pauseAfterFeedback").parse(" Always ")).toBe("always");
    expect(SETTINGS.pauseAfterFeedback.default).toBe("auto");
    expect(() => findSetting("pauseAfterFeedback").parse("nevr")).toThrow(
      new InvalidSettingError('pauseAfterFeedback must be one of auto, always, never, got "nevr"; did you mean never?'),
    );
    expect(() => SETTINGS.pauseAfterFeedback.check(3)).toThrow(/must be one of auto, always, never, got 3/);
  });

  it("suggests the setting meant by a name in the wrong case or with a typo", () => {
    expect(() => findSetting("desiredretention")).toThrow(/There is no setting "desiredretention"\. Did you mean desiredRetention\?/);
    expect(() => findSetting("newPerDya")).toThrow(/Did you mean newPerDay\?/);
    expect(() => findSetting("colour")).toThrow(/^There is no setting "colour"\. The settings are/);
  });
});
