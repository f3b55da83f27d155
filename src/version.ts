import fs from "node:fs";

/** Read from package.json at run time, so the version printed is the one installed. */
export function packageVersion(): string {
  const manifest = JSON.parse(fs.readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
  return manifest.version;
}
