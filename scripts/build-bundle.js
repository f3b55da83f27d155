#!/usr/bin/env node
// Build step: bundle src/ into dist/ with rolldown, split at the dynamic imports, so each command loads
// its own code and what it shares with others, and nothing else. Start-up was mostly module loading:
// unbundled, `prelim practice` read about 140 files (dist/ and node_modules/) before its first question.
// Type checking is tsc's job (`npm test` runs it first); rolldown only strips the types.
//
// rolldown, not esbuild: it is already installed (vitest's vite is built on it), its platform binary
// comes as an optional dependency with no install script to approve, and it lets chunks be grouped.
//
// The CLI's chunks are CommonJS (.cjs), loaded with require() from a CommonJS bin/prelim.js: Node 20's
// ESM loader costs about 7 ms before the first line of ours runs (its own modules compiled, each file
// resolved and read asynchronously, then linked), about a tenth of `prelim banks`. The sources stay
// ESM, and so does what code outside the CLI imports (below).

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "rolldown";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// Modules imported from dist/ by code outside the CLI: the tests that kill the built store mid-write
// (store-faults, concurrent-append) and scripts/build-builtin-cache.js.
const OUTSIDE = ["store/progress-store", "store/review-log", "bank/load-bank", "bank/bank-cache", "bank/read-file", "version"];

const within = (...patterns) => (id) => {
  const file = path.relative(root, id).split(path.sep).join("/");
  return patterns.some((pattern) => pattern.test(file));
};

// Chunks by what loads together, rather than one per set of importers (rolldown's default, which made
// 70 files, many of a few hundred bytes: every file costs a resolve, a read and a compile). A group
// takes the modules it matches and nothing else; what no group takes, rolldown places (a command's own
// files become its chunk). The build fails if two chunks would import each other (below).
const GROUPS = [
  // Every command but --version: the registration of each command (its options and help), commander.
  { name: "program", test: within(/^src\/(program|context)\.ts$/, /^src\/commands\/(define|command-names)\.ts$/, /^src\/commands\/[^/]+\/(command|options)\.ts$/) },
  { name: "commander", test: within(/^node_modules\/(commander|env-paths)\//) },
  // What nearly every command uses some of: the pure domain (not the scheduler, which brings ts-fsrs,
  // nor what imports it) and the small terminal helpers that need no Inquirer.
  { name: "common", test: within(/^src\/core\/(?!(sanitize|scheduler|stats|attempt|exam-day|fsrs-optimizer)\.ts)/, /^src\/ui\/(color|text-width|display-path|spinner)\.ts$/, /^src\/store\/setting-definitions\.ts$/, /^src\/report\/names\.ts$/, /^src\/bank\/closest-word\.ts$/) },
  // Progress: the review log, the snapshot, the scheduler (ts-fsrs). Settings (conf) are config's alone.
  { name: "store", test: within(/^src\/store\/(?!settings\.ts)/, /^src\/core\/(scheduler|attempt|exam-day)\.ts$/, /^src\/commands\/session\/open-store\.ts$/, /^node_modules\/ts-fsrs\//) },
  // Finding banks and taking them from the cache; reading an answer file of plain lines.
  { name: "banks", test: within(/^src\/bank\/(find-banks|load-banks|bank-cache|bank-load-options|read-file|cross-bank|problem|answer-file-shape|read-answers|answer-lines)\.ts$/, /^src\/commands\/session\/load-banks\.ts$/, /^src\/report\/problem-report\.ts$/) },
  // What every practice and review session loads with its answer loop: answer files and TAP lines. The
  // mock's reporters, loaded only after a test, take TAP from here too.
  { name: "answer-file", test: within(/^src\/commands\/session\/answer-file\.ts$/, /^src\/report\/tap\.ts$/) },
  // Parsing a bank or an answer file, which the cache spares most runs: yaml and the bank checks.
  { name: "yaml", test: within(/^src\/bank\/(?!import\/)/, /^node_modules\/yaml\//) },
  // Questions and feedback as text, signals: what every session shows, scripted or not. And the mock's
  // clock, which both the exam screen and line mode run: in line mode's chunk, every session at a
  // terminal loaded line mode with it (the prompts chunk holds the exam screen).
  { name: "screens", test: within(/^src\/ui\/(interrupts|require-terminal|question-view|wrap-styled|pause-after-feedback|scroll-view|exam-run)\.ts$/) },
  // The interactive terminal: Inquirer and the prompts and screens on it. Not line mode (TERM=dumb),
  // which reads lines with no Inquirer: practice's and the mock's line modes share a chunk.
  { name: "lines", test: within(/^src\/ui\/(line-answers|line-reader|line-exam)\.ts$/) },
  { name: "prompts", test: within(/^src\/ui\/(?!line-|exam-run)/) },
  { name: "inquirer", test: within(/^node_modules\/@inquirer\//), includeDependenciesRecursively: true },
];

// commander requires node:child_process at its top for subcommands that are executables of their own,
// which prelim has none of; that builtin brings net, dgram and the socket code, ~3 ms of every start.
// It is required when first spawned instead. The build fails if commander's line changes.
const CHILD_PROCESS = "const childProcess = require('node:child_process');";
const lazyChildProcess = {
  name: "lazy-child-process",
  transform(code, id) {
    if (!/[\\/]node_modules[\\/]commander[\\/]lib[\\/]command\.js$/.test(id)) return null;
    if (!code.includes(CHILD_PROCESS)) throw new Error(`build: ${id} no longer has the line ${CHILD_PROCESS}`);
    return code.replace(CHILD_PROCESS, "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };");
  },
};

// A clean dist/: a file left from an older layout would still be importable and hide a missing entry.
fs.rmSync(path.join(root, "dist"), { recursive: true, force: true });

const common = { cwd: root, platform: "node", logLevel: "warn" };
const output = { dir: "dist", format: "esm", entryFileNames: "[name].js" };
const cliOutput = { dir: "dist", format: "cjs", strict: true, entryFileNames: "[name].cjs", chunkFileNames: "[name]-[hash].cjs" };

// The CLI. No group takes main.ts and what it imports (errors, io, version): they stay in cli.cjs, so
// --version reads bin/prelim.js and dist/cli.cjs and nothing else. Groups take only the modules they
// match, not what those import, so none of them can pull main's imports out of cli.cjs.
const cli = await build({
  ...common,
  // code-cache.cjs is what bin/prelim.js loads first, to load the rest with V8's code cache.
  input: { cli: "src/cli.ts", "code-cache": "src/code-cache.ts" },
  plugins: [lazyChildProcess],
  output: { ...cliOutput, codeSplitting: { groups: GROUPS, includeDependenciesRecursively: false } },
  // cli.cjs exports nothing; without this rolldown says it has to decide so itself.
  preserveEntrySignatures: "allow-extension",
});

// What code outside the CLI imports from dist/, built apart: in the CLI's build a module these share
// with cli.cjs would either leave cli.cjs or, imported from it, start the CLI. Same sources, same bundler.
const outside = await build({
  ...common,
  input: Object.fromEntries(OUTSIDE.map((entry) => [entry, `src/${entry}.ts`])),
  output: { ...output, chunkFileNames: "lib-[hash].js" },
});

for (const result of [cli, outside]) {
  const chunks = result.output.filter((item) => item.type === "chunk");
  // package-files.ts resolves the package from its own URL: `../` must be the package root in dist/ as in src/.
  const holder = chunks.find((chunk) => chunk.moduleIds.some((id) => id.endsWith("/src/package-files.ts")));
  if (holder === undefined) throw new Error("build: src/package-files.ts is in no output");
  if (holder.fileName.includes("/")) throw new Error(`build: src/package-files.ts landed in dist/${holder.fileName}; it must be at the top of dist/`);
  // Chunks that import each other statically run in an order the sources did not ask for (a class
  // could extend one not yet defined): the groups above must not make a cycle.
  const imports = new Map(chunks.map((chunk) => [chunk.fileName, chunk.imports.filter((name) => /\.c?js$/.test(name))]));
  const done = new Set();
  const visit = (name, trail) => {
    if (trail.includes(name)) throw new Error(`build: chunks import each other: ${[...trail.slice(trail.indexOf(name)), name].join(" -> ")}`);
    if (done.has(name)) return;
    for (const next of imports.get(name) ?? []) visit(next, [...trail, name]);
    done.add(name);
  };
  for (const name of imports.keys()) visit(name, []);
}

// What each chunk of the CLI holds, for tests/cli/startup.test.ts to tell what a command loaded.
const manifest = Object.fromEntries(
  cli.output.filter((item) => item.type === "chunk").map((chunk) => [chunk.fileName, chunk.moduleIds.filter((id) => path.isAbsolute(id)).map((id) => path.relative(root, id).split(path.sep).join("/"))]),
);
fs.writeFileSync(path.join(root, "dist", "chunks.json"), `${JSON.stringify(manifest, null, 1)}\n`);
