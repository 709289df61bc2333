import { mkdir, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFileIfExists, writeFileAtomic } from '../../../main/services/config/atomic-file';

const tempDir = () => mkdtemp(join(tmpdir(), 'orcw-atomic-'));

describe('writeFileAtomic', () => {
  it('creates missing folders and leaves no temp file behind', async () => {
    const dir = await tempDir();
    const target = join(dir, 'nested', 'deeper', 'file.json');
    await writeFileAtomic(target, '{"a":1}');
    expect(await readFile(target, 'utf8')).toBe('{"a":1}');
    expect(await readdir(join(dir, 'nested', 'deeper'))).toEqual(['file.json']);
  });

  it('replaces existing content whole and keeps the file private to the user', async () => {
    const dir = await tempDir();
    const target = join(dir, 'file.json');
    await writeFile(target, 'old content that is longer than the new one');
    await writeFileAtomic(target, 'new');
    expect(await readFile(target, 'utf8')).toBe('new');
    if (process.platform !== 'win32') expect((await stat(target)).mode & 0o777).toBe(0o600);
  });

  it('cleans up its temp file and leaves the target alone when the final rename fails', async () => {
    const dir = await tempDir();
    const target = join(dir, 'file.json');
    // A non-empty directory where the file should go makes rename() fail on every OS, even as root.
    await mkdir(target);
    await writeFile(join(target, 'keep.txt'), 'kept');
    await expect(writeFileAtomic(target, 'new')).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['file.json']);
    expect(await readFile(join(target, 'keep.txt'), 'utf8')).toBe('kept');
  });
});

describe('readFileIfExists', () => {
  it('returns undefined for a missing file and the text otherwise', async () => {
    const dir = await tempDir();
    expect(await readFileIfExists(join(dir, 'missing'))).toBeUndefined();
    await writeFile(join(dir, 'here'), 'text');
    expect(await readFileIfExists(join(dir, 'here'))).toBe('text');
  });
});
