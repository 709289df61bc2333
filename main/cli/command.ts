import type { Readable, Writable } from 'node:stream';
import type { ConnectionService } from '../services/connections/connection-service';

/** One option of a command; `--help` is added to every command by main.ts. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  short?: string;
  /** Placeholder in the help text, e.g. 'URL'. */
  valueName?: string;
  description: string;
}
export type OptionSpecs = Record<string, OptionSpec>;

/** The parsed values: booleans, strings, and string arrays for `multiple` options. */
export type OptionValues<O extends OptionSpecs> = {
  [K in keyof O]?: O[K] extends { type: 'boolean' } ? boolean : O[K] extends { multiple: true } ? string[] : string;
};

export interface CliIo {
  stdin: Readable & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };
  stdout: Writable;
  stderr: Writable;
  env: NodeJS.ProcessEnv;
}

export interface CliContext {
  io: CliIo;
  dataDir: string;
  /**
   * Built (and its modules loaded) on first use, so `--help` and usage errors never touch the
   * data directory or keychain, nor load the AWS SDK.
   */
  connections(): Promise<ConnectionService>;
  /** A human-readable line on stdout; control characters in it are made visible (terminal-text.ts). */
  out(line: string): void;
  /** The same for stderr (warnings, errors, notes), scrubbed of secrets first. */
  err(line: string): void;
  /** Exact JSON on stdout (JSON escapes control characters itself). */
  json(value: unknown): void;
}

export interface CliCommand<O extends OptionSpecs = OptionSpecs> {
  /** The words that select it, e.g. 'connections add'. */
  name: string;
  summary: string;
  /** What follows the name in the usage line, e.g. '<name> [--prefix P] [--json]'. */
  usage: string;
  options: O;
  /** Names of the positional arguments, in order; all are required. */
  positionals?: readonly string[];
  /** Extra help text after the option list (examples, where secrets come from). */
  details?: string;
  run(args: { values: OptionValues<O>; positionals: string[] }, context: CliContext): Promise<number | void>;
}

/** Keeps each command file's option types precise while the registry holds them as one type. */
export function defineCommand<const O extends OptionSpecs>(command: CliCommand<O>): CliCommand {
  return command as unknown as CliCommand;
}

/** Wrong command line: printed with a pointer to --help, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
