// Finding bank files and naming banks on the command line: folders searched recursively in a stable
// order, paths before ids, and files that are not regular files refused before they are read.

import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bankRoots, defaultBankFolders, findBankFiles } from "../../src/bank/find-banks.js";
import { resolveBankArgs } from "../../src/bank/load-banks.js";
import { readBankText } from "../../src/bank/read-file.js";
import { UsageError } from "../../src/errors.js";
import { makeTempDir, readFixture } from "../fixtures/fixtures.js";

const OPTIONS = { maxBytes: 1024 * 1024 };
let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

function write(relative: string, content = "id: x\n"): string {
  const file = path.join(temp.dir, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

describe("findBankFiles", () => {
  it("finds .yaml and .yml files recursively, by name, skipping hidden folders, node_modules and other files", () => {
    for (const name of ["b.yaml", "a.yml", "C.YAML", "notes.txt", "sub/z.yaml", "sub/deeper/y.yaml", ".hidden/h.yaml", ".h.yaml", "node_modules/pkg/n.yaml"]) write(name);
    const found = findBankFiles([temp.dir]).map((file) => path.relative(temp.dir, file));
    expect(found).toEqual(["C.YAML", "a.yml", "b.yaml", path.join("sub", "deeper", "y.yaml"), path.join("sub", "z.yaml")]);
  });

  it("takes a file as given, and each file once", () => {
    const file = write("one.yaml");
    expect(findBankFiles([file, temp.dir, file])).toEqual([file]);
  });

  it("follows links to bank files but not links to folders", () => {
    const outside = makeTempDir();
    try {
      fs.writeFileSync(path.join(outside.dir, "real.yaml"), "id: x\n");
      fs.mkdirSync(path.join(temp.dir, "banks"));
      fs.symlinkSync(path.join(outside.dir, "real.yaml"), path.join(temp.dir, "banks", "linked.yaml"));
      fs.symlinkSync(path.join(outside.dir, "gone.yaml"), path.join(temp.dir, "banks", "dangling.yaml"));
      // A link back up: following it would never end.
      fs.symlinkSync(temp.dir, path.join(temp.dir, "banks", "loop"));
      expect(findBankFiles([temp.dir]).map((file) => path.relative(temp.dir, file))).toEqual([path.join("banks", "linked.yaml")]);
    } finally {
      outside.remove();
    }
  });

  it("names a path that does not exist", () => {
    expect(() => findBankFiles([path.join(temp.dir, "missing")])).toThrow(UsageError);
    expect(() => findBankFiles([path.join(temp.dir, "missing")])).toThrow(`no such file or folder: ${path.join(temp.dir, "missing")}`);
  });
});

describe("readBankText", () => {
  // /dev/zero, like /dev/null, reports size 0, so the size cap let it through and it was read for ever;
  // /dev/null shows the same refusal without hanging the test when the check is missing.
  it.runIf(fs.existsSync("/dev/null"))("refuses a device before reading it", () => {
    expect(readBankText("/dev/null", OPTIONS.maxBytes)).toEqual({ ok: false, rule: "unreadable", message: "cannot read the file: it is not a regular file" });
  });

  it("refuses a folder", () => {
    expect(readBankText(temp.dir, OPTIONS.maxBytes)).toEqual({ ok: false, rule: "unreadable", message: "cannot read the file: it is a folder" });
  });
});

describe("the search path and bank ids", () => {
  it("searches PRELIM_BANKS folders, then the data dir's banks, then the built-in ones, where they exist", () => {
    const env = { PRELIM_BANKS: `${path.join(temp.dir, "one")}::${path.join(temp.dir, "missing")}:${path.join(temp.dir, "two")}` };
    fs.mkdirSync(path.join(temp.dir, "one"));
    fs.mkdirSync(path.join(temp.dir, "two"));
    fs.mkdirSync(path.join(temp.dir, "home", "banks"), { recursive: true });
    const roots = bankRoots(env, path.join(temp.dir, "home"), temp.dir);
    const folders = defaultBankFolders(roots);
    expect(folders.slice(0, 3)).toEqual([path.join(temp.dir, "one"), path.join(temp.dir, "two"), path.join(temp.dir, "home", "banks")]);
    expect(folders.slice(3)).toEqual(fs.existsSync(roots.builtInFolder) ? [roots.builtInFolder] : []);
  });

  it("resolves paths first, then ids from the search path; unknown names are usage errors", async () => {
    const banksFolder = path.join(temp.dir, "banks");
    const warnings = write(path.join("banks", "any-name.yaml"), readFixture("rules", "warnings.yaml"));
    const local = write("local.yaml", readFixture("valid", "basic.yaml"));
    const roots = { envFolders: [banksFolder], userFolder: path.join(temp.dir, "no-home"), builtInFolder: path.join(temp.dir, "no-built-in") };

    expect(await resolveBankArgs([local, "warnings", local], roots, OPTIONS, temp.dir)).toEqual([local, warnings]);
    expect(await resolveBankArgs([], roots, OPTIONS, temp.dir)).toEqual([warnings]);
    await expect(resolveBankArgs(["nope"], roots, OPTIONS, temp.dir)).rejects.toThrow("no bank file, folder or bank id 'nope'");
    await expect(resolveBankArgs(["nope"], roots, OPTIONS, temp.dir)).rejects.toMatchObject({ hint: "Run `prelim banks` to list the banks found, or `prelim --help` for the commands." });
    // Relative paths are resolved against the cwd given, not the process's.
    expect(await resolveBankArgs(["local.yaml"], roots, OPTIONS, temp.dir)).toEqual([local]);
    // Looks like a path, so it is named as one.
    await expect(resolveBankArgs(["nope.yaml"], roots, OPTIONS, temp.dir)).rejects.toThrow("no such file or folder: nope.yaml");
  });
});
