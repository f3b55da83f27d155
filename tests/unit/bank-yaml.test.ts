// The YAML layer of a bank: syntax, document shape, tags, aliases, depth and prototype keys, each with a
// fixture under tests/fixtures/banks/yaml/ and the exact place the problem is reported.

import { countBySeverity } from "../../src/bank/problem.js";
import { describe, expect, it } from "vitest";
import { loadBankFile, loadBankText } from "../../src/bank/load-bank.js";
import { DEFAULT_MAX_BANK_MB } from "../../src/bank/read-file.js";
import { MAX_DEPTH, parseYaml } from "../../src/bank/parse-yaml.js";
import { bankFixture, briefs, readFixture } from "../fixtures/fixtures.js";

const load = (name: string) => loadBankFile(bankFixture("yaml", name), { maxBytes: DEFAULT_MAX_BANK_MB * 1024 * 1024 });

describe("a file that is not one YAML mapping is refused at the right place", () => {
  const cases: [fixture: string, expected: string, message: RegExp][] = [
    ["tab-indent.yaml", "4:1 error yaml-syntax", /tab used for indentation; indent with spaces/],
    // The quote opened on line 2 runs to the end of the file; the problem is where it was opened.
    ["unclosed-quote.yaml", "2:8 error yaml-syntax", /quote is never closed/],
    ["unclosed-bracket.yaml", "3:7 error yaml-syntax", /this \[ is never closed; end it with \]/],
    ["duplicate-key.yaml", "8:5 error yaml-duplicate-key", /each key may appear once/],
    ["multi-document.yaml", "7:1 error yaml-multi-document", /put one bank in each file/],
    ["empty.yaml", "1:1 error empty-file", /holds no bank/],
    ["comment-only.yaml", "1:1 error empty-file", /holds no bank/],
    ["root-scalar.yaml", "2:1 error bank-root", /holds a single value \(string\)/],
    ["root-null.yaml", "1:1 error bank-root", /holds nothing \(null\)/],
    ["root-list.yaml", "1:1 error bank-root", /holds a list/],
  ];
  it.each(cases)("%s → %s", (fixture, expected, message) => {
    const loaded = load(fixture);
    expect(briefs(loaded.problems)).toEqual([expected]);
    expect(loaded.problems[0]?.message).toMatch(message);
    expect(loaded.bank).toBeUndefined();
  });

  it("reports an unclosed quote inside an unclosed bracket at both openings", () => {
    const text = "id: x\ntitle: y\nquestions:\n  - id: q1\n    options: [a, \"b\n    answer: a\n";
    expect(briefs(loadBankText("inline.yaml", text).problems)).toEqual(["5:14 error yaml-syntax", "5:18 error yaml-syntax"]);
  });

  it("points at the bracket a wrong closer leaves open", () => {
    const loaded = loadBankText("inline.yaml", "id: x\ntitle: {a: [1, 2}\nquestions: []\n");
    expect(briefs(loaded.problems)).toEqual(["2:8 error yaml-syntax", "2:12 error yaml-syntax"]);
    expect(loaded.problems.map((problem) => problem.message)).toEqual(["this { is never closed; end it with }", "this [ is never closed; end it with ]"]);
  });
});

describe("tags are refused, each at the tag as written", () => {
  const cases: [fixture: string, expected: string, tag: string][] = [
    ["tag-binary.yaml", "2:8 error yaml-tag", "!!binary"],
    // The tag is on line 3; the set it names starts on line 4.
    ["tag-set.yaml", "3:7 error yaml-tag", "!!set"],
    ["tag-timestamp.yaml", "5:11 error yaml-tag", "!!timestamp"],
    ["tag-js-function.yaml", "5:15 error yaml-tag", "!!js/function"],
    ["tag-evil.yaml", "6:14 error yaml-tag", "!evil"],
  ];
  it.each(cases)("%s → %s", (fixture, expected, tag) => {
    const loaded = load(fixture);
    expect(briefs(loaded.problems)).toEqual([expected]);
    expect(loaded.problems[0]?.message).toBe(`the tag ${tag} is not allowed; banks take no YAML tags`);
  });

  it("refuses even a tag yaml resolves quietly (!!str)", () => {
    const loaded = loadBankText("str.yaml", "id: x\ntitle: !!str Hello\nquestions: []\n");
    expect(briefs(loaded.problems)).toEqual(["2:8 error yaml-tag"]);
  });
});

describe("aliases are bounded", () => {
  it("refuses a billion-laughs file quickly", () => {
    const started = performance.now();
    const loaded = load("billion-laughs.yaml");
    const elapsed = performance.now() - started;
    expect(briefs(loaded.problems)).toEqual(["1:1 error yaml-alias"]);
    expect(loaded.problems[0]?.message).toMatch(/aliases expand too far \(limit 100\)/);
    // A bound far above the real ~10 ms: it catches an expansion that runs away, not a slow machine.
    expect(elapsed).toBeLessThan(2_000);
  });

  it("refuses a circular alias at the alias", () => {
    const loaded = load("circular-alias.yaml");
    expect(briefs(loaded.problems)).toEqual(["7:11 error yaml-alias"]);
    expect(loaded.problems[0]?.message).toBe("the alias *loop refers to a node that contains it");
  });

  it("accepts a bank that reuses a value through an anchor", () => {
    const loaded = loadBankFile(bankFixture("valid", "anchors.yaml"), { maxBytes: 1024 * 1024 });
    expect(loaded.problems).toEqual([]);
    expect(loaded.bank?.questions.map((question) => question.source)).toEqual(["An astronomy book, chapter 1", "An astronomy book, chapter 1"]);
  });
});

describe("deep nesting is refused before composing", () => {
  it.each([
    ["deep-nesting.yaml", "3:75 error yaml-depth"],
    ["deep-nesting-maps.yaml", "66:130 error yaml-depth"],
  ])("%s → %s", (fixture, expected) => {
    const loaded = load(fixture);
    expect(briefs(loaded.problems)).toEqual([expected]);
    expect(loaded.problems[0]?.message).toBe(`nesting deeper than ${MAX_DEPTH} levels; a bank needs about 8`);
  });

  it("refuses the same deep file again and again in one process", () => {
    const text = readFixture("yaml", "deep-nesting.yaml");
    for (let round = 0; round < 5; round++) {
      expect(briefs(loadBankText(`round-${round}.yaml`, text).problems)).toEqual(["3:75 error yaml-depth"]);
    }
  });

  it("accepts nesting just inside the limit as YAML (then the schema speaks)", () => {
    const text = `id: x\ntitle: y\nquestions: ${"[".repeat(MAX_DEPTH - 8)}${"]".repeat(MAX_DEPTH - 8)}\n`;
    const rules = loadBankText("shallow.yaml", text).problems.map((problem) => problem.rule);
    expect(rules).not.toContain("yaml-depth");
    expect(rules.length).toBeGreaterThan(0);
  });
});

describe("wide files", () => {
  it("reads a flow list of 130,000 items without overflowing the stack, and refuses it by the format limits", () => {
    // Past about 125,000 items, push(...items) throws RangeError: the bank came out as an internal error.
    const text = `id: wide\ntitle: Wide\ntags: [${"a,".repeat(130_000)}a]\nquestions: []\n`;
    const loaded = loadBankText("wide.yaml", text);
    expect(briefs(loaded.problems)).toEqual(["3:7 error count", "4:12 error count"]);
  });
});

describe("YAML 1.2, not 1.1: strings stay strings", () => {
  it("reads `answer: no` as the text no, an error and not a crash", () => {
    const loaded = load("yaml11-answer-no.yaml");
    expect(briefs(loaded.problems)).toEqual(["6:13 error true-false-answer"]);
    expect(loaded.problems[0]?.message).toBe('a true-false answer is true or false without quotes, not "no"');
  });

  it("reads `title: NO` as the text NO", () => {
    const loaded = load("yaml11-title-no.yaml");
    expect(loaded.problems).toEqual([]);
    expect(loaded.bank?.title).toBe("NO");
  });

  it("reads 010 as the number 10 and asks for it quoted as written", () => {
    const loaded = load("yaml11-octal.yaml");
    expect(briefs(loaded.problems)).toEqual(["7:9 error type"]);
    expect(loaded.problems[0]?.message).toBe('options item 1 must be text; quote it: "010"');
  });

  it("does not merge `<<:`; it is an unknown key", () => {
    const loaded = load("yaml11-merge-key.yaml");
    expect(briefs(loaded.problems)).toEqual(["11:5 error unknown-key", "10:5 warning no-difficulty"]);
    expect(loaded.problems[0]?.message).toMatch(/^unknown key '<<'/);
  });
});

describe("prototype keys", () => {
  it("are unknown keys at every depth, and nothing is polluted", () => {
    const loaded = loadBankText("proto-keys.yaml", readFixture("yaml", "proto-keys.yaml"));
    expect(briefs(loaded.problems)).toEqual([
      "3:1 error unknown-key",
      "5:1 error unknown-key",
      "15:5 error unknown-key",
      "16:5 error unknown-key",
      "20:37 error unknown-key",
      "27:5 error unknown-key",
    ]);
    expect(loaded.problems.map((problem) => problem.message.match(/'([^']+)'/)?.[1])).toEqual([
      "__proto__",
      "constructor",
      "__proto__",
      "prototype",
      "__proto__",
      "constructor",
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
  });

  it("become own data keys, never the object's prototype", () => {
    const { value } = parseYaml("__proto__: { polluted: yes }\nconstructor: { prototype: { polluted: yes } }\n");
    const record = value as Record<string, unknown>;
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(Object.keys(record)).toEqual(["__proto__", "constructor"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

// RELIABILITY row 33: yaml's own duplicate-key check compares every key with every other (92 s for
// 100,000 keys); ours is one pass. Times are not asserted on a shared machine, shapes are.
describe("duplicate keys and problem counts in large files", () => {
  const bankWith = (extra: readonly string[]) => ["id: big", "title: Big", "questions: []", ...extra].join("\n") + "\n";

  it("finds duplicates in nested and flow mappings, each repeat at its own key", () => {
    const text = "id: x\ntitle: y\nquestions:\n  - id: q1\n    question: {a: 1, b: 2, a: 3}\n    answer: a\n    answer: b\n    answer: c\n";
    const loaded = loadBankText("dups.yaml", text);
    expect(briefs(loaded.problems)).toEqual(["5:28 error yaml-duplicate-key", "7:5 error yaml-duplicate-key", "8:5 error yaml-duplicate-key"]);
    expect(loaded.problems[0]?.message).toBe("map keys must be unique; each key may appear once");
  });

  it("tells apart keys that only look alike (1 and '1'), and finds a duplicated top-level key among 100,000", () => {
    expect(briefs(loadBankText("alike.yaml", bankWith(["1: a", "'1': b"])).problems)).not.toContain("5:1 error yaml-duplicate-key");
    expect(briefs(loadBankText("alike.yaml", bankWith(["true: a", "'true': b", "1.0: c", "'1.0': d"])).problems).filter((brief) => brief.includes("duplicate"))).toEqual([]);
    // Two spellings of one value are one key, as yaml has them: null and ~, 1 and 0x1.
    expect(briefs(loadBankText("same.yaml", bankWith(["null: a", "~: b", "1: c", "0x1: d"])).problems).filter((brief) => brief.includes("duplicate"))).toEqual(["5:1 error yaml-duplicate-key", "7:1 error yaml-duplicate-key"]);
    const keys = Array.from({ length: 100_000 }, (_, i) => `k${i}: ${i}`);
    const loaded = loadBankText("big.yaml", bankWith([...keys, "k5: again"]));
    expect(briefs(loaded.problems)).toEqual(["100004:1 error yaml-duplicate-key"]);
  });

  it("lists at most 1,000 problems of a file, then one line with how many more", () => {
    const keys = Array.from({ length: 100_000 }, (_, i) => `k${i}: ${i}`);
    const loaded = loadBankText("big.yaml", bankWith(keys));
    expect(loaded.problems).toHaveLength(1_001);
    // 1 for the empty questions list (line 3), then the unknown keys from line 4 on.
    expect(loaded.problems[0]).toMatchObject({ line: 3 });
    expect(loaded.problems[999]).toMatchObject({ line: 1_002, rule: "unknown-key" });
    expect(loaded.problems[1_000]).toMatchObject({ line: 1_003, col: 1, severity: "error", rule: "too-many-problems" });
    expect(loaded.problems[1_000]?.message).toMatch(/^and 99,001 more problems/);
    // The summary counts every problem, not the line that stands for the rest.
    expect(countBySeverity(loaded.problems)).toEqual({ errors: 100_001, warnings: 0 });
  });

  it("caps duplicate-key problems the same way", () => {
    const keys = Array.from({ length: 1_500 }, () => "again: 1");
    const loaded = loadBankText("dups.yaml", bankWith(keys));
    expect(loaded.problems).toHaveLength(1_001);
    expect(loaded.problems[0]).toMatchObject({ line: 5, rule: "yaml-duplicate-key" });
    expect(loaded.problems[1_000]?.message).toMatch(/^and 499 more problems/);
  });
});
