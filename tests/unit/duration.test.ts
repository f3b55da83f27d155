import { describe, expect, it } from "vitest";
import { defaultTimeLimitMs, formatDuration, SECONDS_PER_QUESTION } from "../../src/core/duration.js";
import { parseDuration } from "../../src/commands/mock/options.js";
import { UsageError } from "../../src/errors.js";

const MINUTE = 60_000;

describe("parseDuration", () => {
  it.each([
    ["120m", 120 * MINUTE],
    ["90s", 90_000],
    ["1h30m", 90 * MINUTE],
    ["2h", 120 * MINUTE],
    ["1h 30m 15s", 90 * MINUTE + 15_000],
    ["2H", 120 * MINUTE],
    ["120", 120 * MINUTE],
    ["  45 ", 45 * MINUTE],
    ["24h", 24 * 60 * MINUTE],
  ])("parses %j", (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(["", "abc", "1.5h", "30m1h", "1h1h", "10 minutes", "-5", "5x", "h", "1d"])("refuses %j, saying what is allowed", (text) => {
    expect(() => parseDuration(text)).toThrow(UsageError);
    expect(() => parseDuration(text)).toThrow(/give minutes \(120\) or hours, minutes and seconds \(2h, 90m, 1h30m, 45s\)/);
  });

  it.each(["0", "0m", "0h0m0s", "25h", "1441"])("refuses %j as out of range", (text) => {
    expect(() => parseDuration(text)).toThrow(`--time "${text}" must be more than 0 and at most 24h`);
  });
});

describe("formatDuration", () => {
  it.each([
    [0, "0s"],
    [45_000, "45s"],
    [59_600, "1m 00s"],
    [270_000, "4m 30s"],
    [65 * MINUTE, "1h 05m"],
    [2 * 60 * MINUTE + 59_000, "2h 00m"],
    [-5, "0s"],
    [Number.NaN, "0s"],
  ])("formats %d ms as %j", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

it("gives 72 seconds a question by default", () => {
  expect(SECONDS_PER_QUESTION).toBe(72);
  expect(defaultTimeLimitMs(100)).toBe(120 * MINUTE);
});
