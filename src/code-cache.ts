// Loads the CLI's chunks with V8's code cache, made by the build (scripts/build-code-cache.js): V8 then
// takes each function it ran at build time from the cache instead of parsing and compiling it again,
// which was about a tenth of `prelim stats` on an empty store. Node 20 has no compile cache of its own
// (module.enableCompileCache came in 22), so bin/prelim.js installs this before the first chunk.
//
// Only the chunks in dist/ named by their content are loaded this way, and the cache is only read:
// nothing is written at run time. A cache V8 rejects (another Node, other flags, damage) is ignored and
// the chunk compiled as usual.

// Named imports only: a default import of a builtin would bring the bundler's interop helpers, a file
// of their own, into --version.
import { existsSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { Module } from "node:module";
import { basename, dirname, join } from "node:path";
import { Script, constants } from "node:vm";

/**
 * The folder of cache files: a folder per command (`stats/`), made by that command's runs, and
 * `default/`, the fullest of all, for anything else; in each, one file per chunk: `<chunk>.bin`. A
 * command's own cache holds only what it ran, so V8 deserializes less: a chunk's cache costs time in
 * proportion to its size.
 */
export const CODE_CACHE_FOLDER = "code-cache";
export const DEFAULT_CACHE = "default";

/** The command a run's arguments name, as far as the cache is concerned: the first that is no option. */
export function cacheNameFor(args: readonly string[]): string {
  return args.find((arg) => !arg.startsWith("-")) ?? DEFAULT_CACHE;
}

interface CompilingModule {
  exports: unknown;
  filename: string;
  require(id: string): unknown;
}

type Compile = (this: CompilingModule, content: string, filename: string) => unknown;

export interface CodeCacheOptions {
  /** Build time: write each chunk's cache into this folder at exit, with what this run compiled. */
  readonly produce?: string;
  /** Told of each chunk loaded, and whether V8 took its cache (tests). */
  readonly onLoad?: (file: string, cache: "used" | "rejected" | "none") => void;
}

/**
 * Where a chunk's cache is, in the order to try: the command's own folder, which holds only the chunks
 * whose cache differs from the default's, then the default.
 */
function cacheFolders(dist: string, args: readonly string[]): string[] {
  const root = join(dist, CODE_CACHE_FOLDER);
  const own = cacheNameFor(args);
  const defaults = join(root, DEFAULT_CACHE);
  return own !== DEFAULT_CACHE && /^[a-z]+$/.test(own) && existsSync(join(root, own)) ? [join(root, own), defaults] : [defaults];
}

function readCache(folders: readonly string[], name: string): Buffer | undefined {
  for (const folder of folders) {
    try {
      return readFileSync(join(folder, name));
    } catch {
      // Not in this folder: the next, or compiled as usual.
    }
  }
  return undefined;
}

/**
 * Only chunks named by their content (`store-BNH362W8.cjs`, the bundler's hash): V8 checks a cache
 * against its source's length alone, so a file rebuilt under the same name and length would run the
 * old code. A changed chunk has a new name, and finds no cache. cli.cjs (a few KB) compiles as usual.
 */
const CONTENT_NAMED = /-[A-Za-z0-9_-]{8}\.cjs$/;

/** From here on, a chunk of `dist` is compiled with its cache, the one for the command in `args`. */
export function installCodeCache(dist: string, args: readonly string[], options: CodeCacheOptions = {}): void {
  const prototype = (Module as unknown as { prototype: { _compile: Compile } }).prototype;
  const original = prototype._compile;
  const folders = cacheFolders(dist, args);
  const made: [string, Script][] = [];
  prototype._compile = function compile(content, filename) {
    if (dirname(filename) !== dist || !CONTENT_NAMED.test(basename(filename))) return original.call(this, content, filename);
    const name = `${basename(filename)}.bin`;
    const cachedData = options.produce === undefined ? readCache(folders, name) : undefined;
    let script: Script;
    try {
      script = new Script(Module.wrap(content), {
        filename,
        ...(cachedData !== undefined && { cachedData }),
        // Node 20.12 and later; the chunks hold no import() of their own.
        ...(constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER !== undefined && { importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER }),
      });
    } catch {
      // Whatever a Script cannot do here, Node's own compile does, and reports as it always would.
      return original.call(this, content, filename);
    }
    options.onLoad?.(filename, cachedData === undefined ? "none" : script.cachedDataRejected === true ? "rejected" : "used");
    if (options.produce !== undefined) made.push([name, script]);
    const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    return wrapper.call(this.exports, this.exports, requireFor(this), this, filename, dirname(filename));
  };
  if (options.produce !== undefined) {
    const into = options.produce;
    // At exit the cache holds every function this run compiled, not only the top level.
    process.on("exit", () => {
      mkdirSync(into, { recursive: true });
      for (const [name, script] of made) writeFileSync(join(into, name), script.createCachedData());
    });
  }
}

/** The `require` a chunk sees: what Node gives a CommonJS module, for what chunks use of it. */
function requireFor(module: CompilingModule): NodeJS.Require {
  const require = ((id: string) => module.require(id)) as NodeJS.Require;
  const internal = Module as unknown as { _resolveFilename(request: string, parent: unknown, isMain: boolean, options?: unknown): string; _cache: NodeJS.Require["cache"] };
  require.resolve = ((request: string, options?: unknown) => internal._resolveFilename(request, module, false, options)) as NodeJS.RequireResolve;
  require.cache = internal._cache;
  require.main = process.mainModule;
  return require;
}
