// The files of a bank repository starter (prelim init): an example bank with every kind of question,
// an answer file for it, a GitHub Actions workflow that validates every bank and runs a scripted mock
// with a JUnit report, and a README. Pure: the command adds the answer key and writes the files.

export interface StarterFile {
  readonly path: string;
  readonly text: string;
}

export const STARTER_BANK = "banks/example.yaml";
export const STARTER_ANSWERS = "answers/example.answers.yaml";
export const STARTER_SCHEMA = "schema/bank.schema.json";
export const STARTER_WORKFLOW = ".github/workflows/prelim.yml";

const BANK = `# yaml-language-server: $schema=../schema/bank.schema.json
# An example bank with one question of every kind. Copy the kind you need, then delete the rest.
id: example
title: Example bank, one question of every kind
tags: [polity]
questions:
  # choice: 2 to 26 options; the answer is a letter in the order written
  - id: untouchability-article
    question: Which Article of the Constitution of India abolishes untouchability?
    options: [Article 14, Article 17, Article 21, Article 32]
    answer: b
    explanation: Article 17 abolishes untouchability and forbids its practice in any form.
    source: The Constitution of India, Part III
    difficulty: easy

  # choice with several right answers: a list of letters; only the exact set scores
  - id: west-flowing-rivers
    question: Which of the following rivers flow into the Arabian Sea? (Select all that apply.)
    options: [Narmada, Godavari, Tapi, Krishna]
    answer: [a, c]
    explanation: The Narmada and the Tapi flow west into the Arabian Sea; the Godavari and the Krishna flow east into the Bay of Bengal.
    source: NCERT Class 9 Geography, Drainage
    tags: [geography]
    difficulty: medium

  # true-false: answer true or false, no options
  - id: rajya-sabha-permanent
    question: The Rajya Sabha is a permanent body and is not subject to dissolution.
    answer: true
    explanation: One third of its members retire every second year; the house itself is never dissolved (Article 83).
    source: The Constitution of India, Article 83
    difficulty: easy

  # statements (UPSC): prelim writes the options
  - id: preamble-statements
    question: "With reference to the Preamble to the Constitution of India, consider the following statements:"
    statements:
      - {text: "The words 'Socialist' and 'Secular' were added by the Constitution (Forty-second Amendment) Act, 1976.", correct: true}
      - {text: The Preamble has never been amended., correct: false}
    explanation: The 42nd Amendment added 'Socialist', 'Secular' and 'integrity'; that is also why the second statement is wrong.
    source: The Constitution (Forty-second Amendment) Act, 1976
    difficulty: medium

  # pairs (UPSC): how many of the pairs are correctly matched
  - id: national-parks-pairs
    question: "Consider the following pairs:"
    headings: [National park, State]
    pairs:
      - {left: Kaziranga, right: Assam, correct: true}
      - {left: Gir, right: Gujarat, correct: true}
      - {left: Periyar, right: Karnataka, correct: false}
    ask: how-many
    explanation: Kaziranga is in Assam and Gir in Gujarat; Periyar is in Kerala.
    source: Ministry of Environment, Forest and Climate Change, protected areas of India
    tags: [geography]
    difficulty: medium

  # Statement-I / Statement-II: prelim writes the paper's four options
  - id: election-commission-assertion
    question: "Consider the following statements:"
    claim: {text: The Election Commission of India is a constitutional body., correct: true}
    reasons:
      - {text: It is established by Article 324 of the Constitution of India., correct: true, explains: true}
    explanation: Article 324 vests the superintendence, direction and control of elections in the Election Commission, which is what makes it a constitutional body.
    source: The Constitution of India, Article 324
    difficulty: easy

  # List-I / List-II: matches gives the List-II number for each List-I item
  - id: movements-match
    question: "Match List-I with List-II:"
    headings: [Movement, Year it began]
    list1: [Non-Cooperation Movement, Dandi March, Quit India Movement]
    list2: ["1942", "1920", "1930"]
    matches: [2, 3, 1]
    explanation: The Non-Cooperation Movement began in 1920, the Dandi March in 1930 and the Quit India Movement in 1942.
    source: NCERT Class 8 History, The Making of the National Movement
    tags: [history]
    difficulty: medium
`;

export function starterWorkflow(version: string): string {
  return `# Checks every bank and runs the example mock test from its answer file on each push and pull request.
name: prelim
on: [push, pull_request]
jobs:
  banks:
    runs-on: ubuntu-latest
    env:
      PRELIM_HOME: \${{ runner.temp }}/prelim
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      # prelim from the npm registry; for a fork or a checkout, install that instead (npm install --global <path or git URL>).
      - run: npm install --global prelim@${version}
      - run: prelim validate --strict --reporter github banks/
      - run: prelim mock banks/example.yaml --answers answers/example.answers.yaml --seed 1 --reporter junit --output prelim-report.xml --pass-mark 100%
      - uses: actions/upload-artifact@v4
        if: always()
        with:
          name: prelim-report
          path: prelim-report.xml
`;
}

const README = `# Question banks

Multiple-choice question banks for [prelim](https://www.npmjs.com/package/prelim), one bank per YAML
file in \`banks/\`. \`banks/example.yaml\` has one question of every kind (choice, several answers,
true-false, statements, pairs, Statement-I/II, List-I/List-II) to copy from; the first line of each
bank points editors at \`schema/bank.schema.json\`, so an editor with the YAML language server completes
and checks keys as you type. \`answers/\` holds answer files for scripted mock tests: their first line
is \`# prelim answers\`, so prelim never mistakes them for banks. On every push,
\`.github/workflows/prelim.yml\` runs \`prelim validate --strict --reporter github banks/\` (each problem
an annotation on its line) and a mock test from \`answers/example.answers.yaml\`, kept as a JUnit report.
Before you push, run the same:

    prelim validate --strict banks/
    prelim mock banks/example.yaml --answers answers/example.answers.yaml --seed 1 --pass-mark 100%
`;

export function starterFiles(options: { readonly version: string; readonly schema: string; readonly answers: string }): StarterFile[] {
  return [
    { path: STARTER_BANK, text: BANK },
    { path: STARTER_ANSWERS, text: options.answers },
    { path: STARTER_SCHEMA, text: options.schema },
    { path: STARTER_WORKFLOW, text: starterWorkflow(options.version) },
    { path: "README.md", text: README },
    { path: ".gitignore", text: "prelim-report.xml\n" },
  ];
}

/** The bank's own answers as an answer file, so the mock in the workflow passes until a question changes. */
export function answerFileFor(questions: readonly { readonly id: string; readonly kind: string; readonly answer: readonly number[]; readonly multiple?: boolean }[], letter: (index: number) => string): string {
  const lines = questions.map((question) => {
    const letters = question.answer.map(letter);
    if (question.kind === "true-false") return `${question.id}: ${question.answer[0] === 0}`;
    return `${question.id}: ${question.multiple ? `[${letters.join(", ")}]` : (letters[0] ?? "")}`;
  });
  return ["# prelim answers: the right letter of each question in banks/example.yaml (a = the first option)", ...lines, ""].join("\n");
}

export { BANK as STARTER_BANK_TEXT };
