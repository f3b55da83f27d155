// Items gathered by a key: into lists in the order they come (the log after a snapshot by question or
// by bank, folded a group at a time), or into sums (stats per topic, added up bank by bank).

/** Appends each item to its key's list in `groups` (made when missing); returns `groups`. */
export function groupInto<T>(groups: Map<string, T[]>, items: Iterable<T>, keyOf: (item: T) => string): Map<string, T[]> {
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key);
    if (list === undefined) groups.set(key, [item]);
    else list.push(item);
  }
  return groups;
}

/** Adds `row` into the sums kept for `key`, which start as a copy of the first row added. */
export function addSums<Row extends Record<string, number>>(sums: Map<string, Row>, key: string, row: Row): void {
  const kept = sums.get(key) as Record<string, number> | undefined;
  if (kept === undefined) sums.set(key, { ...row });
  else for (const field of Object.keys(row)) kept[field] = (kept[field] ?? 0) + (row[field] ?? 0);
}
