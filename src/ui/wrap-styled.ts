// Word wrap for text that is already styled (colour codes around words) and already sanitized: the
// prompts' option lines. Widths are measured on what is seen, without the escape sequences. Bank text
// is wrapped, and sanitized, by question-view's wrap before it gets here.

import { stripVTControlCharacters } from "node:util";

export function visibleWidth(text: string): number {
  return Array.from(stripVTControlCharacters(text)).length;
}

/** Lines of at most `width` visible characters; lines after the first start with `indent`. */
export function wrapStyled(text: string, width: number, indent = ""): string[] {
  const lines: string[] = [];
  let line = "";
  let length = 0;
  let words = 0;
  const flush = () => {
    lines.push(line);
    line = indent;
    length = indent.length;
    words = 0;
  };
  const add = (word: string, wordWidth: number) => {
    line += words > 0 ? ` ${word}` : word;
    length += (words > 0 ? 1 : 0) + wordWidth;
    words++;
  };
  text.split("\n").forEach((paragraph, index) => {
    if (index > 0) flush();
    for (const word of paragraph.split(" ").filter((part) => part !== "")) {
      let rest = word;
      let restWidth = visibleWidth(rest);
      if (words > 0 && length + 1 + restWidth > width) flush();
      // A plain word longer than a whole line is cut; a styled one is left whole rather than cut inside a code.
      while (length + restWidth > width && rest === stripVTControlCharacters(rest) && width - length >= 1) {
        const chars = Array.from(rest);
        const room = width - length;
        add(chars.slice(0, room).join(""), room);
        flush();
        rest = chars.slice(room).join("");
        restWidth = chars.length - room;
      }
      if (rest !== "") add(rest, restWidth);
    }
  });
  lines.push(line);
  return lines;
}
