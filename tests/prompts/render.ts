// @inquirer/testing's render, with every prompt settled when its test ends. A prompt a test leaves open
// (one that only checks the screen) would otherwise be rejected by signal-exit's hook as the worker
// exits, with nobody listening: an unhandled rejection that fails the whole run at random.

import { render } from "@inquirer/testing";
import { afterEach } from "vitest";

const open: { controller: AbortController; answer: Promise<unknown> }[] = [];

afterEach(async () => {
  for (const prompt of open.splice(0)) {
    prompt.controller.abort();
    // Settled either way: answered in the test, or rejected by this abort.
    await prompt.answer.then(
      () => undefined,
      () => undefined,
    );
  }
});

export const renderPrompt: typeof render = async (prompt, config, options = {}) => {
  const controller = new AbortController();
  const signal = options.signal === undefined ? controller.signal : AbortSignal.any([options.signal, controller.signal]);
  const rendered = await render(prompt, config, { ...options, signal });
  open.push({ controller, answer: rendered.answer });
  return rendered;
};
