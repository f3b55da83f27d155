// A small terminal emulator for the pty tests: replays what a program wrote (text, CR/LF, the cursor
// and erase sequences Inquirer uses) onto a grid of rows × columns, so a test reads the screen as the
// learner sees it, and counts the lines that ran past the right edge and wrapped.

export interface Screen {
  /** The rows as text, trailing spaces removed. */
  readonly rows: string[];
  /** How many times text reached past the last column and wrapped to the next row. */
  readonly wraps: number;
}

export function replay(output: string, columns: number, rows: number, start: Screen | undefined = undefined): Screen {
  const grid: string[][] = start ? start.rows.map((row) => Array.from(row.padEnd(columns)).slice(0, columns)) : [];
  while (grid.length < rows) grid.push(Array(columns).fill(" "));
  let x = 0;
  let y = 0;
  let pendingWrap = false;
  let wraps = 0;
  const blank = () => Array<string>(columns).fill(" ");
  const lineFeed = () => {
    if (y === rows - 1) {
      grid.shift();
      grid.push(blank());
    } else y++;
  };
  const chars = Array.from(output);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? "";
    if (ch === "\u001b") {
      const next = chars[i + 1];
      if (next === "[") {
        let j = i + 2;
        let params = "";
        while (j < chars.length && !/[@-~]/.test(chars[j] ?? "")) params += chars[j++];
        const command = chars[j] ?? "";
        i = j;
        const numbers = params.replace(/^\?/, "").split(";").map((part) => (part === "" ? undefined : Number(part)));
        const n = numbers[0] ?? 1;
        pendingWrap = false;
        switch (command) {
          case "A":
            y = Math.max(0, y - n);
            break;
          case "B":
            y = Math.min(rows - 1, y + n);
            break;
          case "C":
            x = Math.min(columns - 1, x + n);
            break;
          case "D":
            x = Math.max(0, x - n);
            break;
          case "G":
            x = Math.min(columns - 1, n - 1);
            break;
          case "H":
            y = Math.min(rows - 1, (numbers[0] ?? 1) - 1);
            x = Math.min(columns - 1, (numbers[1] ?? 1) - 1);
            break;
          case "J":
            if ((numbers[0] ?? 0) === 2 || (numbers[0] ?? 0) === 3) for (let row = 0; row < rows; row++) grid[row] = blank();
            else {
              grid[y] = [...(grid[y] ?? blank()).slice(0, x), ...Array<string>(columns - x).fill(" ")];
              for (let row = y + 1; row < rows; row++) grid[row] = blank();
            }
            break;
          case "K":
            if ((numbers[0] ?? 0) === 2) grid[y] = blank();
            else grid[y] = [...(grid[y] ?? blank()).slice(0, x), ...Array<string>(columns - x).fill(" ")];
            break;
        }
        continue;
      }
      i++;
      continue;
    }
    if (ch === "\r") {
      x = 0;
      pendingWrap = false;
    } else if (ch === "\n") {
      lineFeed();
      pendingWrap = false;
    } else if (ch === "\b") {
      x = Math.max(0, x - 1);
    } else if (ch >= " " || ch.charCodeAt(0) > 127) {
      if (pendingWrap) {
        wraps++;
        x = 0;
        lineFeed();
        pendingWrap = false;
      }
      const row = grid[y] ?? blank();
      row[x] = ch;
      grid[y] = row;
      if (x === columns - 1) pendingWrap = true;
      else x++;
    }
  }
  return { rows: grid.map((row) => row.join("").trimEnd()), wraps };
}
