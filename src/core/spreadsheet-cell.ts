// A CSV cell that a spreadsheet would run as a formula (=, +, -, @, or a tab or CR first: OWASP's
// "CSV injection") is written with a leading apostrophe, which Excel, LibreOffice and Google Sheets
// show as text and hide. Bank text comes from strangers; a tutor opening an export must not run it.
// prelim's own CSV import takes the apostrophe off again, so an export imports back unchanged.

// Apostrophes already in front are counted in, so text that starts with one ("'=1+1") gets one more
// and reads back as written.
const FORMULA_START = /^'*[=+\-@\t\r]/;

export function guardCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function unguardCell(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}
