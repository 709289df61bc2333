import { parseArgs } from 'node:util';
import { isAppError } from '../../shared/errors';
import { scrubAndClip } from '../services/security/secret-scrubber';
import { UsageError, type CliCommand, type CliContext, type OptionSpecs, type OptionValues } from './command';
import { commandHelp, overviewHelp } from './help';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** Finds the command named by the leading words of argv, parses its options and runs it. */
export async function dispatch(commands: readonly CliCommand[], argv: string[], context: CliContext): Promise<number> {
  const err = (text: string) => context.err(text);
  const wantsHelp = argv.includes('--help') || argv.includes('-h') || argv[0] === 'help';
  const command = findCommand(commands, argv);
  if (!command) {
    const words = argv.filter((arg) => !arg.startsWith('-'));
    const group = commands.filter((c) => words[0] !== undefined && c.name.split(' ')[0] === words[0]);
    const known = argv.length === 0 || argv[0] === 'help' || (wantsHelp && words.length === 0) || group.length > 0;
    if (wantsHelp && known) {
      context.out(overviewHelp(group.length > 0 ? group : commands));
      return EXIT_OK;
    }
    if (known) {
      err(overviewHelp(group.length > 0 ? group : commands));
      return EXIT_USAGE;
    }
    // Never echo what was typed: a secret pasted in the wrong place would land in the terminal's
    // scrollback and in CI logs. A suggestion names our own command instead.
    const guess = closestCommand(commands, words[0] ?? argv[0] ?? '');
    err(
      `error: unknown command (what was typed is not repeated)${guess ? `; did you mean "orcw ${guess}"?` : ''}\nhint: run "orcw --help" to see the commands`,
    );
    return EXIT_USAGE;
  }
  try {
    const rest = argv.slice(command.name.split(' ').length);
    const { values, positionals } = parseCommandArgs(command, rest);
    if (values.help) {
      context.out(commandHelp(command));
      return EXIT_OK;
    }
    return (await command.run({ values: values as OptionValues<OptionSpecs>, positionals }, context)) ?? EXIT_OK;
  } catch (error) {
    if (error instanceof UsageError) {
      err(`error: ${error.message}\nhint: run "orcw ${command.name} --help" for usage`);
      return EXIT_USAGE;
    }
    if (isAppError(error)) {
      err(`error: ${error.message}\nhint: ${error.hint}`);
      return error.code === 'INVALID_INPUT' ? EXIT_USAGE : EXIT_FAILURE;
    }
    const detail = context.io.env.ORCW_DEBUG ? String((error as Error)?.stack ?? error) : String((error as Error)?.message ?? error);
    err(`error: unexpected failure: ${scrubAndClip(detail, 4000)}\nhint: set ORCW_DEBUG=1 for details; please report this`);
    return EXIT_FAILURE;
  }
}

function findCommand(commands: readonly CliCommand[], argv: string[]): CliCommand | undefined {
  let best: CliCommand | undefined;
  for (const command of commands) {
    const words = command.name.split(' ');
    const matches = words.every((word, i) => argv[i] === word);
    if (matches && (!best || words.length > best.name.split(' ').length)) best = command;
  }
  return best;
}

function parseCommandArgs(command: CliCommand, args: string[]) {
  const options = Object.fromEntries(
    Object.entries(command.options).map(([name, spec]) => [
      name,
      { type: spec.type, ...(spec.multiple ? { multiple: true } : {}), ...(spec.short ? { short: spec.short } : {}) },
    ]),
  );
  let parsed;
  try {
    parsed = parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError(describeParseError(error, command));
  }
  const values = parsed.values as Record<string, string | boolean | string[] | undefined>;
  if (values.help) return { values, positionals: parsed.positionals };
  const expected = command.positionals ?? [];
  if (parsed.positionals.length !== expected.length) {
    // Never echo the extra words: someone may have pasted a secret where it does not belong.
    throw new UsageError(
      expected.length === 0
        ? 'this command takes no positional arguments'
        : `expected ${expected.map((name) => `<${name}>`).join(' ')}, got ${parsed.positionals.length} argument(s)`,
    );
  }
  return { values, positionals: parsed.positionals };
}

function describeParseError(error: unknown, command: CliCommand): string {
  const message = error instanceof Error ? error.message : String(error);
  if ((error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    if (/secret|token/i.test(message)) {
      return 'secrets are never accepted as arguments (other processes can read them): use --secret-access-key-stdin, or omit it to be prompted';
    }
    // parseArgs quotes the unknown option verbatim: it is the user's text, so it is not repeated.
    const typed = /'(-[^']*)'/.exec(message)?.[1] ?? '';
    const guess = closest(
      Object.keys(command.options).map((name) => `--${name}`),
      typed.split('=')[0] ?? '',
    );
    return `unknown option (what was typed is not repeated)${guess ? `; did you mean ${guess}?` : ''}`;
  }
  // The remaining parseArgs errors name one of the command's own options (a missing value, a value
  // given to a flag), so their first line is ours to show.
  return message.split('\n')[0]!.replace(/^Option/, 'option');
}

function closestCommand(commands: readonly CliCommand[], typed: string): string | undefined {
  return closest([...new Set(commands.map((c) => c.name.split(' ')[0]!))], typed);
}

/** The known name within two edits of what was typed (a typo), else nothing. */
function closest(names: readonly string[], typed: string): string | undefined {
  if (typed === '' || typed.length > 40) return undefined;
  let best: { name: string; distance: number } | undefined;
  for (const name of names) {
    const distance = editDistance(name, typed);
    if (distance <= 2 && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1) {
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length]!;
}
