import { runNode, type RunResult } from '../connections/support';

export { filesContaining, freshSecret, secretToolLookup, tempDataDir } from '../connections/support';

/** Every CLI run of a test file, for the leak checks. */
export const transcript: RunResult[] = [];

/** Runs `bin/orcw.mjs` under the project's Node 24, as `npx orcw` would. */
export async function orcw(args: string[], options: { dataDir: string; input?: string; env?: NodeJS.ProcessEnv }): Promise<RunResult> {
  const result = await runNode(['bin/orcw.mjs', ...args], {
    input: options.input,
    env: { ORCW_DATA_DIR: options.dataDir, ...options.env },
  });
  transcript.push(result);
  return result;
}

/** Removes every connection of the data directory through the CLI, so no keychain entry outlives a test file. */
export async function removeAllConnections(dataDir: string): Promise<void> {
  const list = await orcw(['connections', 'list', '--json'], { dataDir });
  for (const c of JSON.parse(list.stdout) as { id: string }[]) await orcw(['connections', 'remove', c.id], { dataDir });
}
