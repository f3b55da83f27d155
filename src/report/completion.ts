// Shell completion scripts, generated from the program's own command and option definitions, so they
// cannot drift from --help. Bank ids and tags are asked of `prelim completion --list banks|tags` as
// the user types: it reads the bank cache, so a completion costs one start-up, not a parse.

export type Shell = "bash" | "zsh" | "fish";
export const SHELLS: readonly Shell[] = ["bash", "zsh", "fish"];

export interface OptionSpec {
  readonly short?: string;
  readonly long?: string;
  readonly description: string;
  readonly takesValue: boolean;
  readonly choices?: readonly string[];
}

export interface CommandSpec {
  readonly name: string;
  readonly description: string;
  readonly options: readonly OptionSpec[];
  /** What the positional arguments complete to. */
  readonly args: "banks" | "files" | "none" | readonly string[];
}

export interface CompletionSpec {
  readonly commands: readonly CommandSpec[];
  readonly globalOptions: readonly OptionSpec[];
}

/** Only characters a completion word may hold in every shell's quoting: what prelim's own names use. */
function word(text: string): string {
  return text.replace(/[^A-Za-z0-9_.:/@%+=,-]/g, "");
}

function words(list: readonly string[]): string {
  return list.map(word).filter((item) => item !== "").join(" ");
}

function flags(option: OptionSpec): string[] {
  return [option.short, option.long].filter((flag): flag is string => flag !== undefined);
}

const FILE_OPTIONS = new Set(["--answers", "--output", "--data-dir"]);

/** What an option's value completes to: its choices, tags for --topic, file names, or nothing (a count, a seed). */
function valueKind(option: OptionSpec): { words: readonly string[] } | "tags" | "files" {
  if (option.choices !== undefined) return { words: option.choices };
  if (option.long === "--topic") return "tags";
  if (option.long !== undefined && FILE_OPTIONS.has(option.long)) return "files";
  return { words: [] };
}

const LIST = (what: "banks" | "tags") => `prelim completion --list ${what} 2>/dev/null`;

function bash(spec: CompletionSpec): string {
  // Keyed by command and option: --reporter and --format take different values in different commands.
  const valueCases = new Map<string, string>();
  const addValues = (scope: string, option: OptionSpec) => {
    if (!option.takesValue) return;
    const kind = valueKind(option);
    const reply =
      kind === "tags" ? `COMPREPLY=($(compgen -W "$(${LIST("tags")})" -- "$cur"))` : kind === "files" ? 'COMPREPLY=($(compgen -f -- "$cur"))' : `COMPREPLY=($(compgen -W "${words(kind.words)}" -- "$cur"))`;
    for (const flag of flags(option)) valueCases.set(`${scope}:${word(flag)}`, reply);
  };
  for (const command of spec.commands) for (const option of command.options) addValues(word(command.name), option);
  for (const option of spec.globalOptions) addValues("*", option);
  const commandOptions = spec.commands
    .map((command) => `    ${word(command.name)}) opts="${words([...command.options.flatMap(flags), "--help"])}" ;;`)
    .join("\n");
  const commandArgs = spec.commands
    .map((command) => {
      const reply =
        command.args === "banks"
          ? `COMPREPLY=($(compgen -W "$(${LIST("banks")})" -- "$cur") $(compgen -f -- "$cur"))`
          : command.args === "files"
            ? 'COMPREPLY=($(compgen -f -- "$cur"))'
            : command.args === "none"
              ? "COMPREPLY=()"
              : `COMPREPLY=($(compgen -W "${words(command.args)}" -- "$cur"))`;
      return `    ${word(command.name)}) ${reply} ;;`;
    })
    .join("\n");
  return `# prelim completion for bash. Load it with: eval "$(prelim completion bash)" (in ~/.bashrc),
# or save it: prelim completion bash > ~/.local/share/bash-completion/completions/prelim
_prelim() {
  local cur prev cmd opts i
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  cmd=""
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in
      --data-dir) ((i++)) ;;
      -*) ;;
      *) cmd="\${COMP_WORDS[i]}"; break ;;
    esac
  done
  case "$cmd:$prev" in
${[...valueCases].map(([key, reply]) => `    ${key}) ${reply}; return ;;`).join("\n")}
  esac
  if [[ -z "$cmd" ]]; then
    if [[ "$cur" == -* ]]; then
      COMPREPLY=($(compgen -W "${words(spec.globalOptions.flatMap(flags))}" -- "$cur"))
    else
      COMPREPLY=($(compgen -W "${words(spec.commands.map((command) => command.name))}" -- "$cur"))
    fi
    return
  fi
  opts=""
  case "$cmd" in
${commandOptions}
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$opts ${words(spec.globalOptions.flatMap(flags))}" -- "$cur"))
    return
  fi
  case "$cmd" in
${commandArgs}
  esac
}
complete -o default -o filenames -F _prelim prelim
`;
}

function zshDescribe(text: string): string {
  return text.replace(/[\\'[\]:]/g, " ").replace(/\s+/g, " ").trim();
}

function zsh(spec: CompletionSpec): string {
  const optionSpec = (option: OptionSpec): string[] => {
    const kind = valueKind(option);
    const value = !option.takesValue ? "" : kind === "tags" ? ":tag:_prelim_tags" : kind === "files" ? ":file:_files" : `:value:(${words(kind.words)})`;
    return flags(option).map((flag) => `'${word(flag)}[${zshDescribe(option.description)}]${value}'`);
  };
  const cases = spec.commands
    .map((command) => {
      const args =
        command.args === "banks" ? "'*:bank:_prelim_banks'" : command.args === "files" ? "'*:file:_files'" : command.args === "none" ? "" : `'*:value:(${words(command.args)})'`;
      return `    ${word(command.name)}) _arguments -s ${[...command.options.flatMap(optionSpec), args].filter((part) => part !== "").join(" ")} ;;`;
    })
    .join("\n");
  return `#compdef prelim
# prelim completion for zsh. Load it with: eval "$(prelim completion zsh)" (in ~/.zshrc, after compinit),
# or save it as _prelim in a folder on $fpath.
_prelim_banks() { local -a ids; ids=(\${(f)"$(${LIST("banks")})"}); _describe 'bank' ids; _files }
_prelim_tags() { local -a tags; tags=(\${(f)"$(${LIST("tags")})"}); _describe 'tag' tags }
_prelim() {
  local -a commands
  commands=(
${spec.commands.map((command) => `    '${word(command.name)}:${zshDescribe(command.description)}'`).join("\n")}
  )
  if (( CURRENT == 2 )); then
    _describe 'command' commands
    return
  fi
  case "\${words[2]}" in
${cases}
  esac
}
compdef _prelim prelim
`;
}

function fishDescribe(text: string): string {
  return text.replace(/['\\]/g, " ").replace(/\s+/g, " ").trim();
}

function fish(spec: CompletionSpec): string {
  const names = words(spec.commands.map((command) => command.name));
  const optionLine = (option: OptionSpec, condition: string): string => {
    const parts = [`complete -c prelim -n '${condition}'`];
    if (option.short) parts.push(`-s ${word(option.short.replace(/^-/, ""))}`);
    if (option.long) parts.push(`-l ${word(option.long.replace(/^--/, ""))}`);
    if (option.takesValue) {
      const kind = valueKind(option);
      parts.push(kind === "tags" ? `-x -a '(${LIST("tags")})'` : kind === "files" ? "-r -F" : `-x -a '${words(kind.words)}'`);
    }
    parts.push(`-d '${fishDescribe(option.description)}'`);
    return parts.join(" ");
  };
  const lines = [
    "# prelim completion for fish. Load it with: prelim completion fish | source",
    "# or save it: prelim completion fish > ~/.config/fish/completions/prelim.fish",
    "complete -c prelim -f",
    ...spec.commands.map((command) => `complete -c prelim -n '__fish_use_subcommand' -a ${word(command.name)} -d '${fishDescribe(command.description)}'`),
    ...spec.globalOptions.map((option) => optionLine(option, "true")),
  ];
  for (const command of spec.commands) {
    const condition = `__fish_seen_subcommand_from ${word(command.name)}`;
    lines.push(...command.options.map((option) => optionLine(option, condition)));
    if (command.args === "banks") lines.push(`complete -c prelim -n '${condition}' -F -a '(${LIST("banks")})'`);
    else if (command.args === "files") lines.push(`complete -c prelim -n '${condition}' -F`);
    else if (command.args !== "none") lines.push(`complete -c prelim -n '${condition}' -a '${words(command.args)}'`);
  }
  lines.push(`# commands: ${names}`, "");
  return lines.join("\n");
}

export function renderCompletion(shell: Shell, spec: CompletionSpec): string {
  switch (shell) {
    case "bash":
      return bash(spec);
    case "zsh":
      return zsh(spec);
    case "fish":
      return fish(spec);
  }
}
