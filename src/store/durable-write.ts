// Replacing a file so that a crash or a full disk leaves either the old file or the new one, never a
// short one: write a temp file in full, check its size, fsync, rename over, fsync the folder.
// (atomically, which conf uses, ignores a short write and renames the short file over the good one.)

import path from "node:path";
import { closeQuietly, nodeFs, removeQuietly, storeFailure, syncFolder, type StoreFs } from "./store-fs.js";

let tempCounter = 0;

export function writeFileDurably(file: string, data: string | Uint8Array, fsys: StoreFs = nodeFs): void {
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  const temp = `${file}.tmp-${process.pid}-${tempCounter++}`;
  let fd: number | undefined;
  try {
    fd = fsys.openSync(temp, "wx", 0o644);
    let offset = 0;
    while (offset < bytes.length) {
      const written = fsys.writeSync(fd, bytes, offset, bytes.length - offset);
      if (!(written > 0)) throw Object.assign(new Error("the disk accepted no more data"), { code: "ENOSPC" });
      offset += written;
    }
    const size = fsys.fstatSync(fd).size;
    if (size !== bytes.length) {
      throw Object.assign(new Error(`wrote ${size} of ${bytes.length} bytes`), { code: "ENOSPC" });
    }
    fsys.fsyncSync(fd);
    fsys.closeSync(fd);
    fd = undefined;
    fsys.renameSync(temp, file);
  } catch (error) {
    if (fd !== undefined) closeQuietly(fd, fsys);
    removeQuietly(temp, fsys);
    throw storeFailure(error, "save", file);
  }
  syncFolder(path.dirname(file), fsys);
}
