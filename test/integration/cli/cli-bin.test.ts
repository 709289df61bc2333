import { execFile } from 'node:child_process';
import { delimiter, join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from '../connections/support';

// `npx orcw` executes bin/orcw.mjs through its #! line (`env -S` with a glibc setting and a V8
// flag for the memory of big sessions): that line must start the CLI on this system.

it('starts through its #! line, as npx runs it', async () => {
  const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(
      join(ROOT, 'bin', 'orcw.mjs'),
      ['--help'],
      {
        cwd: ROOT,
        timeout: 20_000,
        env: { ...process.env, PATH: `${join(ROOT, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}` },
      },
      (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  expect(result.stdout).toContain('orcw correlate');
});
