#!/usr/bin/env node
// Build step: V8's code cache of the CLI's chunks (src/code-cache.ts loads them with it). Each command a
// user waits for runs once here, in a process of its own on a temporary data dir, and writes at exit
// the cache of every chunk it loaded, with the functions it ran; for each command, and for the default,
// the fullest of those per chunk is kept in dist/code-cache/<command>/. The sessions at a terminal (practice, mock) run on a pseudo-terminal when
// python3 is there (tests/pty/pty-run.py); without it they are left out and load without their cache.

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = path.join(root, "dist");
const { CODE_CACHE_FOLDER, DEFAULT_CACHE, cacheNameFor } = await import(path.join(dist, "code-cache.cjs"));
const work = fs.mkdtempSync(path.join(os.tmpdir(), "prelim-code-cache-"));

const bank = path.join(work, "warm.yaml");
fs.writeFileSync(
  bank,
  `id: warm
title: Warm-up bank
questions:
${[1, 2, 3, 4]
  .map(
    (n) => `  - id: q${n}
    question: "Warm-up question ${n}: which one?"
    options: [First, Second, Third, Fourth]
    answer: ${"abcd"[n % 4]}
    explanation: Because.
    source: The build
    difficulty: easy
    tags: [warm]`,
  )
  .join("\n")}
  - id: s1
    question: "Consider the following statements:"
    statements:
      - {text: "One", correct: true}
      - {text: "Two", correct: false}
    ask: which-correct
    explanation: Because.
    source: The build
    difficulty: easy
`,
);
const answers = path.join(work, "answers.yaml");
fs.writeFileSync(answers, "q1: b\nq2: a\nq3: d\ns1: a\n");

const scripted = [
  ["--version"],
  ["--help"],
  ["banks"],
  // stats as a learner runs it, on banks taken from the cache: a run that parses a bank would fill
  // stats' cache with the parser's functions, deserialized at every start for nothing.
  ["stats"],
  ["validate", bank],
  ["practice", bank, "--answers", answers, "--reporter", "tap"],
  ["review", bank, "--answers", answers, "--reporter", "json"],
  ["mock", bank, "--answers", answers, "--reporter", "junit", "--seed", "1"],
];
const keys = (...steps) => steps.flatMap((send) => [{ send }, { sleep: 0.3 }]);
// Answered to the end, and left with Ctrl-C and y: the cache is written as the process exits.
const atTerminal = [
  { args: ["practice", bank, "-n", "3", "--seed", "1"], steps: [{ wait_for: "Question 1 of", timeout: 20 }, ...keys("a", "\r", "b", "\r", "c", "\r", "\r", "\u0003")] },
  { args: ["mock", bank, "-n", "3", "--seed", "1"], steps: [{ wait_for: "of 3", timeout: 20 }, ...keys("a", "\u001b[C", "b", "\u0003", "y")] },
];

// What runs: the CLI as bin/prelim.js runs it, with the cache written at exit instead of read.
const runner = (into) =>
  `require(${JSON.stringify(path.join(dist, "code-cache.cjs"))}).installCodeCache(${JSON.stringify(dist)}, [], { produce: ${JSON.stringify(into)} });` +
  `process.argv.splice(1, 0, "prelim"); require(${JSON.stringify(path.join(dist, "cli.cjs"))});`;
const env = (home) => ({ ...process.env, PRELIM_HOME: home, PRELIM_BANKS: "", NO_COLOR: "1", TERM: "xterm-256color" });

const runs = [];
for (const [index, args] of scripted.entries()) {
  const into = path.join(work, `run-${index}`);
  spawnSync(process.execPath, ["-e", runner(into), "--", ...args], { env: env(path.join(work, `home-${index}`)), stdio: "ignore" });
  runs.push({ into, name: cacheNameFor(args) });
}
const python = spawnSync("python3", ["-c", "import pty"]).status === 0;
if (python) {
  for (const [index, { args, steps }] of atTerminal.entries()) {
    const into = path.join(work, `pty-${index}`);
    const script = { argv: [process.execPath, "-e", runner(into), "--", ...args], env: env(path.join(work, `pty-home-${index}`)), cwd: root, cols: 100, rows: 40, timeout: 20, steps };
    spawnSync("python3", [path.join(root, "tests", "pty", "pty-run.py"), JSON.stringify(script)], { stdio: "ignore" });
    runs.push({ into, name: cacheNameFor(args) });
  }
} else {
  console.warn("build: no python3 with its pty module: practice and mock at a terminal load without a code cache");
}

// For each command, and for the default, each chunk's largest cache: the run that compiled the most of it.
const best = new Map();
const keep = (name, chunk, file, size) => {
  const folder = best.get(name) ?? new Map();
  best.set(name, folder);
  if ((folder.get(chunk)?.size ?? -1) < size) folder.set(chunk, { file, size });
};
for (const { into, name } of runs) {
  for (const chunk of fs.existsSync(into) ? fs.readdirSync(into) : []) {
    const file = path.join(into, chunk);
    const size = fs.statSync(file).size;
    keep(name, chunk, file, size);
    keep(DEFAULT_CACHE, chunk, file, size);
  }
}
const folder = path.join(dist, CODE_CACHE_FOLDER);
fs.rmSync(folder, { recursive: true, force: true });
// A command's folder holds only the chunks whose cache is not the default's (the loader falls back).
const defaults = best.get(DEFAULT_CACHE) ?? new Map();
for (const [name, chunks] of best) {
  fs.mkdirSync(path.join(folder, name), { recursive: true });
  for (const [chunk, { file }] of chunks) if (name === DEFAULT_CACHE || defaults.get(chunk)?.file !== file) fs.copyFileSync(file, path.join(folder, name, chunk));
}
fs.rmSync(work, { recursive: true, force: true });
// Only a cache: without it every chunk compiles as usual.
if (best.size === 0) console.warn("build: no run wrote a code cache; the CLI loads without one");
