#!/usr/bin/env node
// Build step: load the built-in banks once and ship the result as dist/bank/builtin-banks.json, keyed by
// each file's hash, so a first run on a new machine (or with a fresh data dir) parses no YAML for them.
// A bank edited after the build has another hash and is parsed as usual. Each file's stamp is kept too,
// so where the files are the ones built from (a clone, npm link) not even their bytes are read.

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = (file) => path.join(root, "dist", file);
const { loadBankFile } = await import(dist("bank/load-bank.js"));
const { BUILT_IN_CACHE, buildId, fileHash, fileStamp, serializeCache, withFile } = await import(dist("bank/bank-cache.js"));
const { maxBankBytes } = await import(dist("bank/read-file.js"));
const { packageVersion } = await import(dist("version.js"));

const maxBytes = maxBankBytes({});
const folder = path.join(root, "questions");
const entries = {};
const stamps = {};
for (const name of fs.readdirSync(folder).filter((file) => /\.ya?ml$/.test(file)).sort()) {
  const file = path.join(folder, name);
  const hash = fileHash(file, maxBytes);
  if (hash === undefined) continue;
  entries[hash] = withFile(loadBankFile(file, { maxBytes }), "");
  const stamp = fileStamp(file);
  if (stamp !== undefined) stamps[stamp] = hash;
}
fs.writeFileSync(BUILT_IN_CACHE, serializeCache(entries, buildId(packageVersion()), maxBytes, stamps));
