// From a path in the bank's data (as ajv and our rules name it) back to a line and column in the file.

import { isMap, isSeq, isScalar } from "yaml";
import type { Document, LineCounter, Node, Pair, YAMLMap } from "yaml";
import type { Position } from "./problem.js";

export type DataPath = readonly (string | number)[];

export interface Locator {
  /** The position of the value at `path`, or of its nearest ancestor that exists. */
  value(path: DataPath): Position;
  /** The position of the key of the entry at `path` (for unknown or misplaced keys). */
  key(path: DataPath): Position;
  /** The scalar at `path` as written in the file (`010`, not 10), when there is one. */
  written(path: DataPath): string | undefined;
}

export function makeLocator(document: Document.Parsed | undefined, lineCounter: LineCounter): Locator {
  const position = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, col };
  };
  // Each mapping's pairs by key, built on the first lookup in it: a search of the items for every
  // problem made a file of 100,000 unknown keys take minutes. The first pair of a key wins, as before.
  const indexes = new WeakMap<YAMLMap, Map<string, Pair>>();
  const pairIn = (map: YAMLMap, step: string | number): Pair | undefined => {
    let index = indexes.get(map);
    if (index === undefined) {
      index = new Map();
      for (const item of map.items as Pair[]) {
        if (!isScalar(item.key)) continue;
        const name = String(item.key.value);
        if (!index.has(name)) index.set(name, item);
      }
      indexes.set(map, index);
    }
    return index.get(String(step));
  };
  const find = (path: DataPath): { node: unknown; keyNode: unknown } => {
    let node: unknown = document?.contents;
    let keyNode: unknown;
    for (const step of path) {
      if (isMap(node)) {
        const pair = pairIn(node, step);
        if (!pair) break;
        keyNode = pair.key;
        node = pair.value ?? pair.key;
      } else if (isSeq(node) && typeof step === "number" && node.items[step] !== undefined) {
        keyNode = undefined;
        node = node.items[step];
      } else {
        break;
      }
    }
    return { node, keyNode };
  };
  // A scalar's end is known exactly; a map's or list's would span the block below it, so none is given.
  const start = (node: unknown): Position => {
    const range = (node as Node | undefined)?.range ?? undefined;
    const at = position(range?.[0] ?? 0);
    return isScalar(node) && range !== undefined && range[1] > range[0] ? { ...at, end: position(range[1]) } : at;
  };
  return {
    value: (path) => start(find(path).node),
    key: (path) => {
      const found = find(path);
      return start(found.keyNode ?? found.node);
    },
    written: (path) => {
      const { node } = find(path);
      const source = isScalar(node) ? (node as { source?: unknown }).source : undefined;
      return typeof source === "string" ? source : undefined;
    },
  };
}

/** "/questions/3/answer" (ajv's instancePath) as a path. */
export function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}
