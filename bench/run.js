#!/usr/bin/env node
// npm run bench: prelim's speed targets as ratios against baselines measured in the same run, so the
// numbers mean the same on a fast laptop and a loaded CI machine. Prints `name: value` lines.
//
// Targets: --version <= 1.3x bare node; banks <= 2x bare node; validate of a 10,000-question bank
// <= 1.3x yaml.parse of the same file; 200 answers with 20,000 cards stored <= 1.5x an empty store;
// a scripted 100-question mock <= 2.5x bare node.

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = path.join(root, "bin", "prelim.js");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "prelim-bench-"));
const env = { ...process.env, PRELIM_HOME: path.join(work, "home"), PRELIM_BANKS: "", NO_COLOR: "1" };
const results = [];

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Median wall time in ms of a command, after one warm-up run. */
function time(args, runs, input, envFor = () => env) {
  const samples = [];
  for (let run = -1; run < runs; run++) {
    const runEnv = envFor(run);
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { env: runEnv, input, stdio: [input === undefined ? "ignore" : "pipe", "ignore", "pipe"] });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(" ")} exited ${result.status}: ${result.stderr}`);
    if (run >= 0) samples.push(ms);
  }
  return median(samples);
}

function report(name, value, unit = "") {
  const text = typeof value === "number" ? value.toFixed(unit === "x" ? 2 : 1) : value;
  results.push(`${name}: ${text}${unit}`);
  console.log(`${name}: ${text}${unit}`);
}

function generatedBank(count) {
  const lines = ["id: generated", "title: Generated bank", "questions:"];
  for (let i = 0; i < count; i++) {
    const kind = i % 4;
    lines.push(`  - id: q-${i}`, `    question: "Generated question number ${i}: which option is the right one for this item?"`);
    if (kind === 2) {
      lines.push("    statements:", `      - {text: "Statement one of ${i}", correct: true}`, `      - {text: "Statement two of ${i}", correct: false}`, `      - {text: "Statement three of ${i}", correct: true}`, "    ask: how-many");
    } else if (kind === 3) {
      lines.push("    answer: true");
    } else {
      lines.push("    options:", `      - "First option for ${i}"`, `      - "Second option for ${i}"`, `      - "Third option for ${i}"`, `      - "Fourth option for ${i}"`, `    answer: ${"abcd"[i % 4]}`);
    }
    lines.push(`    explanation: "Because item ${i} says so."`, `    source: "Generated source ${i}"`, "    difficulty: medium");
  }
  const file = path.join(work, `bank-${count}.yaml`);
  fs.writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

const runs = Number(process.env.BENCH_RUNS ?? 11);
const bare = time(["-e", "0"], runs);
report("node -e 0 (ms)", bare);

const version = time([bin, "--version"], runs);
report("prelim --version (ms)", version);
report("prelim --version / bare node", version / bare, "x");

const banks = time([bin, "banks"], runs);
report("prelim banks (ms)", banks);
report("prelim banks / bare node", banks / bare, "x");
// A data dir of its own for every run: what a new machine or a CI job sees.
const freshBanks = time([bin, "banks"], runs, undefined, (run) => ({ ...env, PRELIM_HOME: path.join(work, `fresh-${run + 1}`) }));
report("prelim banks, fresh data dir (ms)", freshBanks);
report("prelim banks, fresh data dir / bare node", freshBanks / bare, "x");

const yamlEntry = path.join(root, "node_modules", "yaml", "dist", "index.js");
for (const count of [1000, 10000]) {
  const file = generatedBank(count);
  const parseRuns = count > 1000 ? 3 : 5;
  const parse = time(["-e", `require(${JSON.stringify(yamlEntry)}).parse(require("fs").readFileSync(${JSON.stringify(file)}, "utf8"))`], parseRuns);
  const validate = time([bin, "validate", file], parseRuns);
  report(`yaml.parse ${count} questions (ms)`, parse);
  report(`prelim validate ${count} questions (ms)`, validate);
  report(`prelim validate ${count} / yaml.parse`, validate / parse, "x");
}

// Recording answers must not cost more as history grows: the store API, in this process.
const { openProgressStore } = await import(path.join(root, "dist", "store", "progress-store.js"));
function recordAnswers(dataDir, answers, offset) {
  const opened = process.hrtime.bigint();
  const store = openProgressStore({ dataDir, now: () => new Date(), version: "bench", onNotice: () => {} });
  const start = process.hrtime.bigint();
  for (let i = 0; i < answers; i++) {
    store.record({ at: new Date().toISOString(), key: `bench/q-${offset + i}`, given: ["a"], correct: i % 3 !== 0, ms: 4000, rating: i % 3 ? "good" : "again", mode: "practice" });
  }
  const recorded = process.hrtime.bigint();
  store.close();
  const closed = process.hrtime.bigint();
  return { record: Number(recorded - start) / 1e6, openClose: Number(start - opened + closed - recorded) / 1e6 };
}
const bigHome = path.join(work, "store-big");
recordAnswers(bigHome, 20000, 0);
const empty = [];
const big = [];
for (let run = 0; run < 5; run++) {
  empty.push(recordAnswers(path.join(work, `store-empty-${run}`), 200, 0));
  big.push(recordAnswers(bigHome, 200, 20000 + run * 200));
}
const med = (runs, field) => median(runs.map((run) => run[field]));
report("200 answers recorded, empty store (ms)", med(empty, "record"));
report("200 answers recorded, 20,000 cards stored (ms)", med(big, "record"));
report("200 answers recorded: 20,000 cards / empty", med(big, "record") / med(empty, "record"), "x");
// Opening reads the snapshot and closing writes it: once a session, and O(cards), unlike each answer.
report("open + close, empty store (ms)", med(empty, "openClose"));
report("open + close, 20,000 cards stored (ms)", med(big, "openClose"));

// A scripted 100-question mock on the built-in banks, once the mock command exists.
const help = spawnSync(process.execPath, [bin, "mock", "--help"], { env, encoding: "utf8" });
if (help.status === 0) {
  const answers = path.join(work, "answers.yaml");
  fs.writeFileSync(answers, "{}\n");
  const mock = time([bin, "mock", path.join(root, "questions"), "-n", "100", "--seed", "7", "--answers", answers, "--reporter", "json"], 5);
  report("scripted 100-question mock (ms)", mock);
  report("scripted mock / bare node", mock / bare, "x");
}

fs.rmSync(work, { recursive: true, force: true });
