// The one gate for text that came from outside (bank text, file names, YAML error excerpts) on its way
// to a terminal or a report. strip-ansi and util.stripVTControlCharacters are not enough: they leave C1
// controls, CR, backspace, BEL, DEL, NUL and bidi overrides (RELIABILITY.md, fact 4). This is an
// allow-list instead: newline and tab pass; other C0 controls and DEL are shown in caret notation
// (ESC as ^[), C1 controls and bidi/invisible direction marks as \u{…}, as git does since CVE-2024-52005.

// C0 except \t and \n, DEL, C1, and the direction controls that can reorder what a reader sees.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

function visible(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x20) return `^${String.fromCharCode(code + 0x40)}`;
  if (code === 0x7f) return "^?";
  return `\\u{${code.toString(16)}}`;
}

export function sanitize(text: string): string {
  return text.replace(UNSAFE, visible);
}

/** The same for a single line: newlines and tabs are shown too, so one field cannot break a line-based format. */
export function sanitizeLine(text: string): string {
  return sanitize(text).replace(/[\n\t]/g, (char) => (char === "\n" ? "^J" : "^I"));
}

// What JSON.stringify leaves raw: it escapes C0 controls only. Inside a JSON string a \uXXXX escape is
// the same data, so a program reading the output gets the text exactly and a terminal sees no control.
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

/** JSON.stringify for output that may reach a terminal: the same data, with no raw control character. */
export function terminalSafeJson(value: unknown, space?: number): string {
  return JSON.stringify(value, null, space).replace(UNSAFE_IN_JSON, (char) => `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, "0")}`);
}
