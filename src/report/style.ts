// Colour is a parameter of the pretty reporter, so the reporter stays a pure function and its tests read
// plain text. src/ui passes chalk-backed functions on a colour terminal; everything else gets plainStyle.

export type Paint = (text: string) => string;

export interface Style {
  readonly bold: Paint;
  readonly dim: Paint;
  readonly green: Paint;
  readonly red: Paint;
  readonly yellow: Paint;
}

const same: Paint = (text) => text;

export const plainStyle: Style = { bold: same, dim: same, green: same, red: same, yellow: same };
