// Colour is a parameter of every formatter (reporters, question views, prompts), so they stay pure
// functions and their tests read plain text. src/ui/color.ts makes a chalk-backed Style for a colour
// terminal; everything else gets plainStyle.

export type Paint = (text: string) => string;

export interface Style {
  readonly bold: Paint;
  readonly dim: Paint;
  readonly green: Paint;
  readonly red: Paint;
  readonly yellow: Paint;
  readonly cyan: Paint;
}

const same: Paint = (text) => text;

export const plainStyle: Style = { bold: same, dim: same, green: same, red: same, yellow: same, cyan: same };
