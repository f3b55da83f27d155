// The terminal a screen is drawn on: its size now, and a way to hear that it changed (SIGWINCH arrives
// as the output stream's "resize"). Screens take a Viewport rather than reading process.stdout, so a
// test hands in a fake one and resizes it.

import { useEffect, useState } from "@inquirer/core";
import { screenSize, type ScreenSize } from "./text-width.js";

export { screenSize, type ScreenSize } from "./text-width.js";

export interface Viewport {
  readonly columns?: number | undefined;
  readonly rows?: number | undefined;
  /** Calls `listener` after every resize; returns the function that stops it. */
  onResize?(listener: () => void): () => void;
}

/** The terminal behind process.stdout: what Inquirer itself draws on when no output is given. */
export function stdoutViewport(): Viewport {
  const stream = process.stdout;
  return {
    get columns() {
      return stream.isTTY ? stream.columns : undefined;
    },
    get rows() {
      return stream.isTTY ? stream.rows : undefined;
    },
    onResize(listener) {
      stream.on("resize", listener);
      return () => void stream.off("resize", listener);
    },
  };
}

// Home and erase the screen: after a resize the terminal has rewrapped (or cut) what was drawn, so the
// prompt's own "erase the lines I wrote" would leave pieces of the old screen behind.
const CLEAR_SCREEN = "\u001b[H\u001b[2J";

interface Mutable {
  write(text: string): unknown;
  mute?(): void;
  unmute?(): void;
}

/**
 * The screen size, redrawn on every resize. A new object each time, so the prompt redraws even when the
 * size it lays out to did not change (the screen was cleared all the same).
 */
export function useScreenSize(viewport: Viewport | undefined, fallback: ScreenSize): ScreenSize {
  const [size, setSize] = useState<ScreenSize>(() => screenSize(viewport, fallback));
  useEffect((rl) => {
    if (viewport?.onResize === undefined) return;
    return viewport.onResize(() => {
      const output = rl.output as unknown as Mutable;
      output.unmute?.();
      output.write(CLEAR_SCREEN);
      output.mute?.();
      setSize({ ...screenSize(viewport, fallback) });
    });
  }, []);
  return size;
}
