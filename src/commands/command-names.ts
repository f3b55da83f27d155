// The commands program.ts registers, by name: what a mistyped first word is compared with. A test
// checks this list against the registered commands, so the two cannot drift apart.

export const COMMAND_NAMES = ["practice", "review", "mock", "stats", "config", "banks", "validate", "import", "export", "init", "completion", "suspend", "unsuspend", "suspended", "optimize", "plan"] as const;

export type CommandName = (typeof COMMAND_NAMES)[number];
