import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// Each fixture uses what its layer's project (tsconfig.<layer>.json) does not give it — the DOM
// in shared/ or the services, Node in shared/ or the renderer. Compiled with that layer's options
// it must fail with the expected error; compiled with every type available it must pass, so the
// failure is the layer's doing and not a typo in the fixture.
const root = path.resolve('.');
const fixturesDir = path.join(root, 'test/typecheck-fixtures');
const fixtures = readdirSync(fixturesDir).filter((name) => name.endsWith('.ts'));
const tsc = path.join(root, 'node_modules/typescript/bin/tsc');

function header(source: string, key: string): string {
  const match = new RegExp(`^// ${key}: (.+)$`, 'm').exec(source);
  if (!match?.[1]) throw new Error(`fixture lacks a "${key}" header`);
  return match[1].trim();
}

/** Runs tsc on the files with the options of `extendsConfig`, as a plain (non-composite) check. */
async function typecheck(extendsConfig: string, files: string[], extra: Record<string, unknown> = {}): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'orcw-tsc-'));
  const config = path.join(dir, 'tsconfig.json');
  const compilerOptions = {
    composite: false,
    noEmit: true,
    emitDeclarationOnly: false,
    rootDir: root,
    tsBuildInfoFile: null,
    typeRoots: [path.join(root, 'node_modules/@types')],
    ...extra,
  };
  writeFileSync(config, JSON.stringify({ extends: path.join(root, extendsConfig), compilerOptions, files, include: [], references: [] }));
  try {
    await promisify(execFile)(process.execPath, [tsc, '-p', config, '--pretty', 'false']);
    return '';
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? error);
  }
}

describe('layer boundaries enforced by the compiler', () => {
  it('has a fixture for every boundary', () => {
    expect(fixtures.map((name) => header(readFileSync(path.join(fixturesDir, name), 'utf8'), 'layer')).sort()).toEqual([
      'renderer',
      'services',
      'shared',
      'shared',
    ]);
  });

  it.each(fixtures)(
    '%s fails to typecheck in its layer',
    async (name) => {
      const file = path.join(fixturesDir, name);
      const source = readFileSync(file, 'utf8');
      const output = await typecheck(`tsconfig.${header(source, 'layer')}.json`, [file]);
      expect(output).toContain(`error ${header(source, 'expect')}`);
    },
    120_000,
  );

  it('the same fixtures typecheck where the DOM and Node are both available (the tests project)', async () => {
    const output = await typecheck(
      'tsconfig.tooling.json',
      fixtures.map((name) => path.join(fixturesDir, name)),
    );
    expect(output).toBe('');
  }, 120_000);
});
