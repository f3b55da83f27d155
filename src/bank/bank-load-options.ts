// How commands that use banks (rather than check them) load them: with the size cap and the cache.

import path from "node:path";
import { buildId, openBankCache } from "./bank-cache.js";
import type { CachedLoadOptions } from "./load-banks.js";
import { maxBankBytes } from "./read-file.js";
import { packageVersion } from "../version.js";

/** `save: false` reads the cache and never writes it (a session run with --no-record). */
export function cachedLoadOptions(env: NodeJS.ProcessEnv, dataDir: string, options: { save?: boolean } = {}): CachedLoadOptions {
  const maxBytes = maxBankBytes(env);
  const build = buildId(packageVersion());
  if (build === undefined) return { maxBytes };
  const cache = openBankCache(path.join(dataDir, "cache", "banks.json"), build, maxBytes);
  return { maxBytes, cache: options.save === false ? { ...cache, save: () => {} } : cache };
}
