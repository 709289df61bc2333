import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// Each fixture breaks one layer boundary; linted as if it lived at its `lint-as` path, it must
// fail with the expected rule — proof that the boundaries are enforced, not just documented.
const fixturesDir = path.resolve('test/lint-fixtures');
const fixtures = readdirSync(fixturesDir).filter((name) => name.endsWith('.ts'));

function header(source: string, key: string): string {
  const match = new RegExp(`^// ${key}: (.+)$`, 'm').exec(source);
  if (!match?.[1]) throw new Error(`fixture lacks a "${key}" header`);
  return match[1].trim();
}

describe('layer boundaries enforced by lint', () => {
  const eslint = new ESLint({ cwd: process.cwd() });

  it('has fixtures for every boundary', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(7);
  });

  it.each(fixtures)('%s fails lint', async (name) => {
    const source = readFileSync(path.join(fixturesDir, name), 'utf8');
    const [result] = await eslint.lintText(source, { filePath: path.resolve(header(source, 'lint-as')) });
    const rules = (result?.messages ?? []).map((message) => message.ruleId);
    expect(rules).toContain(header(source, 'expect'));
  });

  it('the same code placed where it is allowed passes', async () => {
    const source = readFileSync(path.join(fixturesDir, 'raw-ipc-main.ts'), 'utf8');
    const [result] = await eslint.lintText(source, { filePath: path.resolve('main/shell/electron-ipc.ts') });
    expect(result?.messages.filter((message) => message.ruleId === 'no-restricted-syntax')).toEqual([]);
  });
});
