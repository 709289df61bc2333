/**
 * The `orcw` command line. It shares the app's services and data directory (ORCW_DATA_DIR
 * overrides it), so whatever it sets up the desktop app sees, and the other way round.
 *
 * Adding a command (e.g. `orcw cache stats`):
 *   1. Create `main/cli/commands/cache-stats.ts` exporting
 *        export const cacheStats = defineCommand({
 *          name: 'cache stats',            // the words that select it
 *          summary: '…', usage: '[--json]',
 *          options: { json: { type: 'boolean', description: '…' } },
 *          positionals: [],                // required positional names, in order
 *          async run({ values, positionals }, context) { … context.out(…) / context.json(…) },
 *        });
 *   2. Add `cacheStats` to `commands` below. Help, `--help`, parsing and exit codes come for free.
 * Conventions: throw `UsageError` for a wrong command line (exit 2) and `AppError` for failures
 * (printed as "error: …" / "hint: …", exit 1; INVALID_INPUT exits 2). Return a number to choose
 * another exit code. Build services lazily inside `run`, and import the modules behind them with
 * `await import()` there: the CLI bundle puts those in chunks loaded on first use, so `--help`
 * touches nothing and starts at once. Never accept a secret through argv: read it from stdin (see
 * secret-input.ts).
 */
import { resolveDataDir } from '../services/config/data-dir';
import type { ConnectionService } from '../services/connections/connection-service';
import type { CliCommand, CliContext, CliIo } from './command';
import { dispatch } from './dispatch';
import { visibleControls } from './terminal-text';
import { scrubSecrets } from '../services/security/secret-scrubber';
import { connectionsAdd } from './commands/connections-add';
import { connectionsEdit } from './commands/connections-edit';
import { connectionsList } from './commands/connections-list';
import { connectionsRemove } from './commands/connections-remove';
import { connectionsTest } from './commands/connections-test';
import { logGroups } from './commands/log-groups';
import { correlate } from './commands/correlate';
import { follow } from './commands/follow';
import { cacheClear, cacheExport, cacheImport, cacheList, cacheSearch, cacheShow } from './commands/cache';

export const commands: readonly CliCommand[] = [
  connectionsAdd,
  connectionsEdit,
  connectionsList,
  connectionsTest,
  connectionsRemove,
  logGroups,
  correlate,
  follow,
  cacheList,
  cacheShow,
  cacheSearch,
  cacheExport,
  cacheImport,
  cacheClear,
];

export async function runCli(argv: string[], io: CliIo = processIo()): Promise<number> {
  return dispatch(commands, argv, createContext(io));
}

function createContext(io: CliIo): CliContext {
  const dataDir = resolveDataDir({ env: io.env });
  let connections: Promise<ConnectionService> | undefined;
  return {
    io,
    dataDir,
    connections() {
      connections ??= Promise.all([
        import('../services/connections/connection-service'),
        import('../services/connections/connection-store'),
        import('../services/keychain/secret-store'),
        import('../services/config/private-files'),
      ]).then(([{ ConnectionService }, { ConnectionStore }, { defaultSecretStore }, { makeDataDirPrivate }]) => {
        makeDataDirPrivate(dataDir);
        return new ConnectionService({ store: new ConnectionStore(dataDir), secrets: defaultSecretStore() });
      });
      return connections;
    },
    out(line) {
      io.stdout.write(`${visibleControls(line)}\n`);
    },
    err(line) {
      // Errors, warnings and notes: the CLI's log. Scrubbed of secrets, then made terminal-safe.
      io.stderr.write(`${visibleControls(scrubSecrets(line))}\n`);
    },
    json(value) {
      io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
    },
  };
}

function processIo(): CliIo {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env };
}
