#!/usr/bin/env node
// npm run bench [-- --quick]: what a user waits for, as whole processes. Every figure is a ratio of a
// subject to its baseline, the two run alternately in the same run (A B A B …, after one warm-up of
// each), so load on the machine falls on both alike; each line gives the median ratio with its min and
// max over the pairs, the medians in ms, and the target beside it. Fixtures are generated: banks of
// 1k/10k/100k questions, and logs of 10k/100k/500k answers written directly in the log's format.
//
// --quick runs a subset (smaller fixtures, no pty mock, no 100k validate) in under a minute.
// BENCH_PAIRS sets the number of pairs (at least 7).
//
// Needs python3 for the pseudo-terminal and peak-memory figures (its pty and resource modules).

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");
const bin = path.join(root, "bin", "prelim.js");
const node = process.execPath;
const quick = process.argv.includes("--quick");
const PAIRS = Math.max(7, Number(process.env.BENCH_PAIRS ?? 7));
const work = fs.mkdtempSync(path.join(os.tmpdir(), "prelim-bench-"));
const baseEnv = { ...process.env, PRELIM_BANKS: "", NO_COLOR: "1", PRELIM_MAX_BANK_MB: "200" };
const DAY = 86_400_000;
const NOW = Date.now();
const lines = [];

// ---- measuring ----------------------------------------------------------------------------------

function spawn(command, args, env, input) {
  const result = spawnSync(command, args, { env, input, stdio: [input === undefined ? "ignore" : "pipe", "ignore", "pipe"], maxBuffer: 1 << 26 });
  if (result.status !== 0) throw new Error(`${[command, ...args].join(" ")} exited ${result.status}: ${result.stderr}`);
  return result;
}

/** A whole process, in ms of wall time. */
function wall(args, env = baseEnv) {
  return () => {
    const start = process.hrtime.bigint();
    spawn(node, args, env);
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
}

/** Time to `marker` on the screen of a command run in a pseudo-terminal, in ms. */
function toScreen(marker, args, env) {
  return () => {
    const result = spawnSync("python3", [path.join(here, "pty-first.py"), marker, node, ...args], { env, encoding: "utf8" });
    if (result.status !== 0) throw new Error(`${args.join(" ")} in a pty: no ${marker} (${result.status}): ${result.stderr}`);
    return Number(result.stdout.trim());
  };
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { min: sorted[0], median, max: sorted.at(-1) };
}

/** Baseline and subject alternately, `PAIRS` times after a warm-up of each; the ratio of each pair. */
function pairs(baseline, subject) {
  baseline();
  subject();
  const base = [];
  const subj = [];
  const ratios = [];
  for (let i = 0; i < PAIRS; i++) {
    const a = baseline();
    const b = subject();
    base.push(a);
    subj.push(b);
    ratios.push(b / a);
  }
  return { ratio: stats(ratios), base: stats(base).median, subject: stats(subj).median, n: PAIRS };
}

function target(name, result, limit, unit = "ms") {
  const { ratio, base, subject, n } = result;
  const verdict = ratio.median <= limit ? "holds" : "MISSED";
  const line =
    `${name.padEnd(58)} ${ratio.median.toFixed(2)}x  (min ${ratio.min.toFixed(2)}, max ${ratio.max.toFixed(2)}, ${n} pairs; ` +
    `${subject.toFixed(1)} vs ${base.toFixed(1)} ${unit})  target <= ${limit}x  ${verdict}`;
  lines.push(line);
  console.log(line);
}

function note(text) {
  console.log(`  ${text}`);
}

// ---- fixtures -----------------------------------------------------------------------------------

/** A bank of `count` questions; `mixed` adds statement and true/false questions to the choices. */
function writeBank(file, id, count, mixed) {
  const out = [`id: ${id}`, `title: Generated ${id}`, "questions:"];
  for (let i = 0; i < count; i++) {
    const kind = mixed ? i % 4 : 0;
    out.push(`  - id: q-${i}`, `    question: "Generated question number ${i}: which option is the right one for this item?"`);
    if (kind === 2) {
      out.push("    statements:", `      - {text: "Statement one of ${i}", correct: true}`, `      - {text: "Statement two of ${i}", correct: false}`, `      - {text: "Statement three of ${i}", correct: true}`, "    ask: how-many");
    } else if (kind === 3) {
      out.push("    answer: true");
    } else {
      out.push("    options:", `      - "First option for ${i}"`, `      - "Second option for ${i}"`, `      - "Third option for ${i}"`, `      - "Fourth option for ${i}"`, `    answer: ${"abcd"[i % 4]}`);
    }
    out.push(`    explanation: "Because item ${i} says so."`, `    source: "Generated source ${i}"`, `    tags: [topic-${i % 20}]`, "    difficulty: medium");
  }
  fs.writeFileSync(file, `${out.join("\n")}\n`);
  return file;
}

function writeAnswers(file, count) {
  fs.writeFileSync(file, Array.from({ length: count }, (_, i) => `q-${i}: ${"abcd"[(i + (i % 3 === 0 ? 1 : 0)) % 4]}\n`).join(""));
  return file;
}

const RATINGS = ["good", "again", "easy", "hard"];
const MODES = ["practice", "review", "mock"];

/**
 * `count` answers to `keys` questions of bank `id`, in the log's own line format, oldest first, spread
 * evenly over the 4 years before yesterday: a long history with a few weeks of it recent.
 */
function writeLog(dataDir, keyOf, count) {
  fs.mkdirSync(dataDir, { recursive: true });
  const fd = fs.openSync(path.join(dataDir, "reviews.jsonl"), "w");
  const end = NOW - DAY;
  const step = (4 * 365 * DAY) / count;
  let chunk = "";
  for (let i = 0; i < count; i++) {
    const rating = RATINGS[i % 4];
    const at = new Date(end - (count - 1 - i) * step).toISOString();
    chunk += `${JSON.stringify({ at, key: keyOf(i), given: ["a"], correct: rating !== "again", ms: 4000 + (i % 5000), rating, mode: MODES[i % 3] })}\n`;
    if (chunk.length > 1 << 20) {
      fs.writeSync(fd, chunk);
      chunk = "";
    }
  }
  fs.writeSync(fd, chunk);
  fs.closeSync(fd);
}

const empty = path.join(work, "empty-answers.yaml");
fs.writeFileSync(empty, "{}\n");

/** A data dir with a log of `count` answers, folded into progress.json by one session (as in use). */
function store(name, keyOf, count, sessionBank) {
  const dataDir = path.join(work, name);
  writeLog(dataDir, keyOf, count);
  spawn(node, [bin, "practice", sessionBank, "-n", "1", "--answers", empty, "--reporter", "tap"], { ...baseEnv, PRELIM_HOME: dataDir });
  return dataDir;
}

const home = (dataDir) => ({ ...baseEnv, PRELIM_HOME: dataDir });

// ---- the targets --------------------------------------------------------------------------------

console.log(`prelim bench${quick ? " --quick" : ""}: ${PAIRS} pairs a figure, node ${process.version}, ${os.cpus().length} cpus, load ${os.loadavg().map((n) => n.toFixed(1)).join(" ")}`);

const bare = wall(["-e", "0"]);
const emptyHome = path.join(work, "empty-home");
spawn(node, [bin, "banks"], home(emptyHome));
target("--version / bare node", pairs(bare, wall([bin, "--version"], home(emptyHome))), 1.15);
target("banks (built-in, warm cache) / bare node", pairs(bare, wall([bin, "banks"], home(emptyHome))), 1.4);
target("stats, empty store / bare node", pairs(bare, wall([bin, "stats"], home(emptyHome))), 1.4);

// review and stats: a long log against a short one, the same 1,000-question bank and cards.
const bank1k = writeBank(path.join(work, "bank-1k.yaml"), "thousand", 1000, false);
const thousand = (i) => `thousand/q-${i % 1000}`;
const small = store("log-1k", thousand, 1000, bank1k);
const bigCount = quick ? 100_000 : 500_000;
const long = store(`log-${bigCount / 1000}k`, thousand, bigCount, bank1k);
note(`fixtures: reviews.jsonl ${(fs.statSync(path.join(long, "reviews.jsonl")).size / 1e6).toFixed(1)} MB, progress.json ${(fs.statSync(path.join(long, "progress.json")).size / 1e6).toFixed(2)} MB`);
const reviewArgs = [bin, "review", bank1k, "--answers", empty, "--reporter", "json"];
target(`review, ${bigCount / 1000}k-answer log / 1k log`, pairs(wall(reviewArgs, home(small)), wall(reviewArgs, home(long))), 1.3);
target(`stats, ${bigCount / 1000}k-answer log / 1k log`, pairs(wall([bin, "stats", bank1k], home(small)), wall([bin, "stats", bank1k], home(long))), 1.3);

// 200 scripted answers beside many cards against beside none; each data dir reused from run to run.
const bank200 = writeBank(path.join(work, "bank-200.yaml"), "drill", 200, false);
const answers200 = writeAnswers(path.join(work, "answers-200.yaml"), 200);
const cardCount = quick ? 10_000 : 100_000;
// A bank holds at most 20,000 questions: the cards belong to banks of 20,000 in one folder.
const cardBanks = path.join(work, `banks-of-${cardCount / 1000}k-cards`);
fs.mkdirSync(cardBanks);
for (let part = 0; part * 20_000 < cardCount; part++) writeBank(path.join(cardBanks, `big-${part}.yaml`), `big-${part}`, Math.min(20_000, cardCount - part * 20_000), false);
const cardKey = (i) => `big-${Math.floor((i % cardCount) / 20_000)}/q-${(i % cardCount) % 20_000}`;
const manyCards = store(`cards-${cardCount / 1000}k`, cardKey, quick ? cardCount : 500_000, bank200);
const noCards = path.join(work, "cards-none");
const practice200 = [bin, "practice", bank200, "--answers", answers200, "--seed", "3", "--reporter", "tap"];
note(`fixtures: ${cardCount} cards, progress.json ${(fs.statSync(path.join(manyCards, "progress.json")).size / 1e6).toFixed(1)} MB`);
target(`practice, 200 scripted answers beside ${cardCount / 1000}k cards / empty store`, pairs(wall(practice200, home(noCards)), wall(practice200, home(manyCards))), 1.3);

// Time to the first question in a pseudo-terminal, against node printing the same text.
const ptyHome = path.join(work, "pty-home");
const marker = "Generated question number";
const plainPrint = toScreen(marker, ["-e", `process.stdout.write(${JSON.stringify(`${marker} 1: which option is the right one for this item?\n`)})`], baseEnv);
const ptyEnv = { ...home(ptyHome), TERM: "xterm-256color", NO_COLOR: "" };
delete ptyEnv.NO_COLOR;
spawn(node, [bin, "banks", bank200], ptyEnv);
target("practice, first question in a pty / node print", pairs(plainPrint, toScreen(marker, [bin, "practice", bank200, "-n", "10", "--seed", "1"], ptyEnv)), 1.6);
if (!quick) target("mock, first question in a pty / node print", pairs(plainPrint, toScreen(marker, [bin, "mock", bank200, "-n", "10", "--seed", "1"], ptyEnv)), 1.6);

// A scripted 100-question mock that answers all 100.
const mockHome = path.join(work, "mock-home");
target("mock, 100 questions, 100 scripted answers / bare node", pairs(bare, wall([bin, "mock", bank200, "-n", "100", "--seed", "7", "--answers", answers200, "--reporter", "json"], home(mockHome))), 2);

/** The bank cache of a data dir: its stamps file, and each bank's file. */
function bankCacheFiles(dataDir) {
  const folder = path.join(dataDir, "cache", "banks");
  return [path.join(dataDir, "cache", "banks.json"), ...fs.readdirSync(folder).map((name) => path.join(folder, name))];
}

// validate against yaml's own parse of the same files, the floor for a parse that keeps positions.
const yamlEntry = path.join(root, "node_modules", "yaml", "dist", "index.js");
function bankFolder(name, total) {
  const folder = path.join(work, name);
  fs.mkdirSync(folder);
  // A bank holds at most 20,000 questions: larger sets are split, as a user would.
  const files = [];
  for (let i = 0; i * 20_000 < total; i++) files.push(writeBank(path.join(folder, `part-${i}.yaml`), `part-${i}`, Math.min(20_000, total - i * 20_000), true));
  return files;
}
const yamlParse = (files) => wall(["-e", `const Y=require(${JSON.stringify(yamlEntry)}),fs=require("fs");for(const f of ${JSON.stringify(files)})Y.parse(fs.readFileSync(f,"utf8"))`]);
for (const total of quick ? [1000] : [10_000, 100_000]) {
  const files = bankFolder(`validate-${total / 1000}k`, total);
  target(`validate ${total / 1000}k questions / YAML.parse`, pairs(yamlParse(files), wall([bin, "validate", ...files], home(emptyHome))), 1.15);
  if (total < 100_000 && !quick) continue;
  // Warm banks at this size against JSON.parse of the cache it reads.
  const banksHome = path.join(work, `banks-${total / 1000}k`);
  const banksEnv = { ...home(banksHome), PRELIM_BANKS: path.dirname(files[0]) };
  spawn(node, [bin, "banks"], banksEnv);
  // The cache is the stamps file and a file per bank: the baseline parses each of them.
  const cacheFiles = bankCacheFiles(banksHome);
  target(`banks, ${total / 1000}k questions, warm / JSON.parse of its cache`, pairs(wall(["-e", `for(const f of ${JSON.stringify(cacheFiles)})JSON.parse(require("fs").readFileSync(f,"utf8"))`]), wall([bin, "banks"], banksEnv)), 1.5);
}

// Peak memory: stats on the store of many cards and a long log, net of bare node, against the data
// it reads (progress.json, the unfolded log tail, the bank cache).
{
  const rss = (args, env) => Number(spawnSync("python3", [path.join(here, "peak-rss.py"), node, ...args], { env, encoding: "utf8" }).stdout.trim());
  spawn(node, [bin, "stats", cardBanks], home(manyCards));
  const bareKb = stats(Array.from({ length: 3 }, () => rss(["-e", "0"], baseEnv))).median;
  const peakKb = stats(Array.from({ length: 3 }, () => rss([bin, "stats", cardBanks], home(manyCards)))).median;
  const snapshot = fs.statSync(path.join(manyCards, "progress.json")).size;
  const logBytes = JSON.parse(fs.readFileSync(path.join(manyCards, "progress.json"), "utf8")).logBytes;
  const tail = fs.statSync(path.join(manyCards, "reviews.jsonl")).size - logBytes;
  // The whole bank cache: the five banks stats reads, and the 200-question bank (80 KB) it does not.
  const cache = bankCacheFiles(manyCards).reduce((sum, file) => sum + fs.statSync(file).size, 0);
  const data = snapshot + tail + cache;
  const ratio = ((peakKb - bareKb) * 1024) / data;
  const line =
    `${`peak memory, stats at ${cardCount / 1000}k cards, ${quick ? cardCount / 1000 : 500}k log (net of node) / data read`.padEnd(58)} ` +
    `${ratio.toFixed(2)}x  (${(peakKb / 1024).toFixed(0)} MB peak, node alone ${(bareKb / 1024).toFixed(0)} MB, data ${(data / 1e6).toFixed(1)} MB; median of 3)  target <= 2x  ${ratio <= 2 ? "holds" : "MISSED"}`;
  lines.push(line);
  console.log(line);
}

console.log(`\n${lines.filter((line) => line.endsWith("holds")).length} of ${lines.length} targets hold (timings are noisy on a loaded machine: see min and max).`);
fs.rmSync(work, { recursive: true, force: true });
