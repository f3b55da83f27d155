// The answer prompt through @inquirer/testing: letter and digit keys answer at once for one answer,
// toggle for several; arrows and Enter; the screen shows the options and the key help.

import { renderPrompt as render } from "./render.js";
import { describe, expect, it } from "vitest";
import { InterruptedError } from "../../src/errors.js";
import { answerPrompt } from "../../src/ui/answer-prompt.js";
import { plainStyle } from "../../src/core/style.js";
import { ask } from "../../src/ui/prompt.js";

const OPTIONS = ["a) Paris", "b) Lyon", "c) Marseille", "d) Nice"];
const single = { message: "Which city is the capital of France?", options: OPTIONS, multiple: false, style: plainStyle };
const multiple = { message: "Which are in France?", options: OPTIONS, multiple: true, style: plainStyle };

describe("answerPrompt, one answer", () => {
  it("shows the question, every option and the key help", async () => {
    const { getScreen } = await render(answerPrompt, single);
    const screen = getScreen();
    expect(screen).toContain("Which city is the capital of France?");
    for (const option of OPTIONS) expect(screen).toContain(option);
    expect(screen).toContain("❯ a) Paris");
    expect(screen).toContain("press a letter or number, or ↑↓ and Enter");
  });

  it("answers at once with a letter", async () => {
    const { answer, events, getScreen } = await render(answerPrompt, single);
    events.keypress("c");
    await expect(answer).resolves.toEqual([2]);
    expect(getScreen()).toContain("» c) Marseille");
  });

  it("answers at once with a digit, 1 being the first option", async () => {
    const { answer, events, getScreen } = await render(answerPrompt, single);
    events.keypress("2");
    await expect(answer).resolves.toEqual([1]);
    expect(getScreen()).toContain("» b) Lyon");
  });

  it("moves with the arrows, wrapping around, and answers with Enter", async () => {
    const { answer, events, getScreen } = await render(answerPrompt, single);
    events.keypress("down");
    events.keypress("down");
    expect(getScreen()).toContain("❯ c) Marseille");
    events.keypress("up");
    events.keypress("up");
    events.keypress("up");
    expect(getScreen()).toContain("❯ d) Nice");
    events.keypress("enter");
    await expect(answer).resolves.toEqual([3]);
  });

  it("starts the cursor on the initial option", async () => {
    const { answer, events } = await render(answerPrompt, { ...single, initial: [1] });
    events.keypress("enter");
    await expect(answer).resolves.toEqual([1]);
  });

  it("ignores letters and digits past the options", async () => {
    const { answer, events, getScreen } = await render(answerPrompt, single);
    events.keypress("z");
    events.keypress("9");
    events.keypress("0");
    expect(getScreen()).toContain("❯ a) Paris");
    events.keypress("b");
    await expect(answer).resolves.toEqual([1]);
  });
});

describe("answerPrompt, several answers", () => {
  it("toggles with letters and submits the ticked options with Enter", async () => {
    const { answer, events, getScreen } = await render(answerPrompt, multiple);
    expect(getScreen()).toContain("letters or space to tick, Enter to submit");
    events.keypress("c");
    events.keypress("a");
    expect(getScreen()).toContain("◉ a) Paris");
    expect(getScreen()).toContain("◉ c) Marseille");
    expect(getScreen()).toContain("◯ b) Lyon");
    events.keypress("enter");
    await expect(answer).resolves.toEqual([0, 2]);
    expect(getScreen()).toContain("» a) Paris; c) Marseille");
  });

  it("unticks an option pressed twice, and ticks with space under the cursor", async () => {
    const { answer, events } = await render(answerPrompt, multiple);
    events.keypress("b");
    events.keypress("b");
    // The cursor follows the letter pressed (b); two down from there is d.
    events.keypress("down");
    events.keypress("down");
    events.keypress("space");
    events.keypress("enter");
    await expect(answer).resolves.toEqual([3]);
  });

  it("refuses Enter with nothing ticked, says why, and waits", async () => {
    const { answer, events, getScreen } = await render(answerPrompt, multiple);
    let settled = false;
    void answer.then(() => (settled = true));
    events.keypress("enter");
    await new Promise((resolve) => setImmediate(resolve));
    expect(getScreen()).toContain("Select at least one option (space or its letter), then Enter.");
    expect(settled).toBe(false);
    events.keypress("d");
    expect(getScreen()).not.toContain("Select at least one option");
    events.keypress("enter");
    await expect(answer).resolves.toEqual([3]);
  });

  it("resolves an empty list when empty is allowed", async () => {
    const { answer, events, getScreen } = await render(answerPrompt, { ...multiple, allowEmpty: true, help: "Enter with none ticked for all" });
    expect(getScreen()).toContain("Enter with none ticked for all");
    events.keypress("enter");
    await expect(answer).resolves.toEqual([]);
    expect(getScreen()).toContain("» all");
  });

  it("starts with the initial options ticked", async () => {
    const { answer, events } = await render(answerPrompt, { ...multiple, initial: [1, 3] });
    events.keypress("enter");
    await expect(answer).resolves.toEqual([1, 3]);
  });
});

describe("ask", () => {
  it("turns an abort from a signal into the signal's InterruptedError", async () => {
    const controller = new AbortController();
    const opened = ask((context) => render(answerPrompt, single, { signal: context.signal }).then(({ answer }) => answer), { signal: controller.signal });
    controller.abort(new InterruptedError("SIGTERM"));
    await expect(opened).rejects.toMatchObject({ name: "InterruptedError", signal: "SIGTERM" });
  });

  it("does not open a prompt once aborted", async () => {
    const controller = new AbortController();
    controller.abort(new InterruptedError("SIGHUP"));
    let opened = false;
    await expect(
      ask(async () => {
        opened = true;
        return [];
      }, { signal: controller.signal }),
    ).rejects.toMatchObject({ signal: "SIGHUP" });
    expect(opened).toBe(false);
  });
});
