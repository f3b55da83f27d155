import { readFileSync } from "node:fs";
import { packageFile } from "./package-files.js";

/** Read from package.json at run time, so the version printed is the one installed. */
export function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(packageFile("package.json"), "utf8")) as { version: string };
  return manifest.version;
}
