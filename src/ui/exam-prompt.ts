// The mock-test prompt: one Inquirer prompt for the whole paper, so the clock, the palette and the
// confirmation share one screen and one AbortSignal. It maps keys to transitions of the pure exam state
// (src/core/exam.ts) and renders with exam-view. It resolves with the state once the candidate confirms
// the submission; when time runs out, the caller aborts it and uses the last state it reported.

import { createPrompt, isBackspaceKey, isEnterKey, useEffect, useKeypress, useState } from "@inquirer/core";
import type { KeypressEvent } from "@inquirer/core";
import type { ExamState } from "../core/exam.js";
import { choose, clearAnswer, examCounts, goTo, isLast, next, previous, questionIndexOf, remainingMs, toggleMark } from "../core/exam.js";
import type { PresentedQuestion } from "../core/session.js";
import type { Style } from "../core/style.js";
import { drawExam, paletteColumns, tallyText, type ExamMode } from "./exam-view.js";
import { wrap } from "./question-view.js";
import { stdoutViewport, useScreenSize, type Viewport } from "./viewport.js";

export interface ExamPromptConfig {
  readonly questions: readonly PresentedQuestion[];
  readonly initial: ExamState;
  /** When time runs out, in the clock's milliseconds. */
  readonly deadline: number;
  readonly now: () => number;
  readonly title: string;
  readonly style: Style;
  /** The size to draw at when the viewport does not say. */
  readonly width: number;
  readonly height: number;
  /** The terminal drawn on, followed through resizes; process.stdout's when not given, as Inquirer's output is. */
  readonly viewport?: Viewport;
  /** Called with every new state before it is shown: the journal, and the answers an abort (time up) keeps. A throw ends the prompt with that error. */
  readonly onChange?: (state: ExamState) => void;
  /** How often the clock is redrawn; a second unless a test says otherwise. */
  readonly tickMs?: number;
}

// Keys as readline reports them: `name` is the lowercase letter, `shift` tells S from s.
type Key = KeypressEvent & { readonly sequence?: string };

function letterKey(key: Key): string | undefined {
  return key.name !== undefined && key.name.length === 1 && key.name >= "a" && key.name <= "z" && !key.ctrl ? key.name : undefined;
}

function digitKey(key: Key): string | undefined {
  return key.name !== undefined && /^[0-9]$/.test(key.name) ? key.name : undefined;
}

// j and k scroll a question taller than the screen; like the other commands, they are options first
// on a question with that many options, and Shift makes them commands again.
const COMMANDS = new Set(["x", "m", "n", "p", "g", "s", "j", "k"]);

export const examPrompt = createPrompt<ExamState, ExamPromptConfig>((config, done) => {
  const [state, setState] = useState<ExamState>(config.initial);
  const [mode, setMode] = useState<ExamMode>("question");
  const [typed, setTyped] = useState("");
  const [cursor, setCursor] = useState(config.initial.current);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState<"open" | "done">("open");
  const [now, setNow] = useState(() => config.now());
  const [scroll, setScroll] = useState(0);
  const [failure, setFailure] = useState<{ readonly error: unknown } | undefined>(undefined);
  const size = useScreenSize(config.viewport ?? stdoutViewport(), { width: config.width, height: config.height });

  // The clock: redraw every tick. Inquirer clears effects when the prompt settles, so the interval
  // never outlives the prompt.
  useEffect(() => {
    const timer = setInterval(() => setNow(config.now()), config.tickMs ?? 1000);
    return () => clearInterval(timer);
  }, []);

  // Called before the new state is drawn, so a journal has the change on disk before the screen shows it.
  // A change it cannot record (the journal not written: a full disk) is not drawn: the prompt ends with
  // that error, thrown from the view below, Inquirer's way for a prompt to fail with its screen restored.
  const update = (next: ExamState) => {
    if (next === state) return;
    try {
      config.onChange?.(next);
    } catch (error) {
      setFailure({ error });
      return;
    }
    // A new question starts at its top.
    if (next.current !== state.current) setScroll(0);
    setState(next);
  };
  const drawing = drawExam({
    questions: config.questions,
    state,
    remainingMs: remainingMs(config.deadline, now),
    mode,
    typed,
    cursor,
    notice,
    title: config.title,
    style: config.style,
    width: size.width,
    height: size.height,
    scroll,
  });
  const scrollBy = (lines: number) => setScroll(Math.max(0, Math.min(drawing.maxScroll, drawing.scroll + lines)));
  const at = () => config.now();

  const jumpTo = (index: number | undefined, typedText: string): void => {
    setTyped("");
    if (index === undefined) {
      setNotice(`There is no question ${typedText}: the paper has ${state.questions.length}.`);
      return;
    }
    update(goTo(state, index, at()));
    setMode("question");
  };

  const askSubmit = () => {
    setTyped("");
    setMode("confirm");
  };

  const onQuestionKey = (key: Key): void => {
    const presented = config.questions[state.current];
    const optionCount = presented?.order.length ?? 0;
    const letter = letterKey(key);
    // t and f answer a true-false question (True is canonical 0), as they do in practice.
    if (presented?.question.kind === "true-false" && (letter === "t" || letter === "f")) return update(choose(state, letter === "t" ? 0 : 1));
    // An option letter answers, in either case (Caps Lock); Shift with a command letter is the command,
    // which is how commands stay reachable on questions with many options (m is option 13).
    if (letter !== undefined && !(key.shift && COMMANDS.has(letter))) {
      const position = letter.charCodeAt(0) - 97;
      if (position < optionCount && presented) {
        update(choose(state, presented.order[position] ?? position));
        return;
      }
    }
    switch (letter) {
      case "x":
        return update(clearAnswer(state));
      case "m":
        return update(toggleMark(state));
      case "n":
        return moveNext();
      case "p":
        return movePrevious();
      case "g":
        setCursor(state.current);
        setMode("palette");
        return;
      case "s":
        return askSubmit();
      case "j":
        return scrollBy(1);
      case "k":
        return scrollBy(-1);
    }
    if (key.name === "pagedown") return scrollBy(drawing.page);
    if (key.name === "pageup") return scrollBy(-drawing.page);
    if (key.name === "down") return scrollBy(1);
    if (key.name === "up") return scrollBy(-1);
    if (key.name === "right") return moveNext();
    if (key.name === "left") return movePrevious();
    if (isEnterKey(key)) return moveNext();
    if (letter !== undefined) setNotice(`${letter} is not an option here: the options are a–${String.fromCharCode(96 + optionCount)}.`);
  };

  const moveNext = () => {
    if (isLast(state)) {
      setNotice("This is the last question: press S to submit, or g for the palette.");
      return;
    }
    update(next(state, at()));
  };

  const movePrevious = () => {
    if (state.current === 0) {
      setNotice("This is the first question.");
      return;
    }
    update(previous(state, at()));
  };

  const onPaletteKey = (key: Key): void => {
    const total = state.questions.length;
    const row = paletteColumns(total, size.width);
    const letter = letterKey(key);
    if (key.name === "escape" || letter === "g") return setMode("question");
    if (letter === "s") return askSubmit();
    const moves: Record<string, number> = { left: -1, right: 1, up: -row, down: row };
    const move = key.name === undefined ? undefined : moves[key.name];
    if (move !== undefined) return setCursor(Math.min(total - 1, Math.max(0, cursor + move)));
    if (isEnterKey(key)) return jumpTo(cursor, String(cursor + 1));
  };

  const onConfirmKey = (key: Key): void => {
    const letter = letterKey(key);
    if (letter === "y") {
      setStatus("done");
      done(state);
      return;
    }
    if (letter === "n" || key.name === "escape") setMode("question");
  };

  useKeypress((event, rl) => {
    const key = event as Key;
    // Readline collects typed characters as a line; this prompt reads keys only.
    rl.clearLine(0);
    if (status === "done") return;
    setNotice(undefined);
    if (mode === "confirm") return onConfirmKey(key);
    if (mode === "help") {
      if (key.sequence === "?" || key.name === "escape" || isEnterKey(key) || key.name === "q") setMode("question");
      return;
    }
    if (key.sequence === "?" && mode === "question" && typed === "") return setMode("help");

    // A question number being typed, in the question view or the palette.
    const digit = digitKey(key);
    if (digit !== undefined) return setTyped((typed + digit).slice(0, 4));
    if (typed !== "") {
      if (isEnterKey(key)) return jumpTo(questionIndexOf(state, typed), typed);
      if (isBackspaceKey(key)) return setTyped(typed.slice(0, -1));
      if (key.name === "escape") return setTyped("");
    }
    if (mode === "palette") return onPaletteKey(key);
    return onQuestionKey(key);
  });

  if (failure !== undefined) throw failure.error;
  if (status === "done") return wrap(`Submitted. ${tallyText(examCounts(state))}`, size.width).map((line) => config.style.bold(line)).join("\n");
  return drawing.text;
});
