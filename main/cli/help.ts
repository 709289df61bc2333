import type { CliCommand } from './command';

export function overviewHelp(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  orcw ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'orcw: see what your backend logged to AWS CloudWatch Logs during an OpenReplay session.',
    '',
    'Commands:',
    ...lines,
    '',
    'Run "orcw <command> --help" for its options. Data directory: $ORCW_DATA_DIR, else the app\'s own.',
    'Exit codes: 0 ok, 1 failure, 2 bad usage.',
  ].join('\n');
}

export function commandHelp(command: CliCommand): string {
  const rows = Object.entries(command.options).map(([name, spec]) => {
    const flag = `${spec.short ? `-${spec.short}, ` : ''}--${name}${spec.type === 'string' ? ` <${spec.valueName ?? 'value'}>` : ''}`;
    return [flag, `${spec.description}${spec.multiple ? ' (repeatable)' : ''}`] as const;
  });
  rows.push(['-h, --help', 'Show this help.']);
  const width = Math.max(...rows.map(([flag]) => flag.length));
  return [
    `Usage: orcw ${command.name} ${command.usage}`.trimEnd(),
    '',
    command.summary,
    '',
    'Options:',
    ...rows.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`),
    ...(command.details ? ['', command.details] : []),
  ].join('\n');
}
