import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../shared/domain/settings';
import { createSettingsStore } from '../../../main/services/settings/settings-store';

const tempDir = () => mkdtemp(path.join(os.tmpdir(), 'orcw-settings-'));

describe('settings store', () => {
  it('starts from defaults and persists updates across instances', async () => {
    const dir = await tempDir();
    expect(await createSettingsStore(dir).get()).toEqual(defaultSettings);
    await createSettingsStore(dir).update({ marginMinutes: 10, pricePerGb: 0.0076, theme: 'dark' });
    expect(await createSettingsStore(dir).get()).toMatchObject({ marginMinutes: 10, pricePerGb: 0.0076, theme: 'dark', contextEvents: 20 });
  });

  it('rejects invalid values and keeps the stored ones', async () => {
    const dir = await tempDir();
    const store = createSettingsStore(dir);
    await store.update({ marginMinutes: 7 });
    await expect(store.update({ marginMinutes: -1 })).rejects.toThrow();
    expect(await createSettingsStore(dir).get()).toMatchObject({ marginMinutes: 7 });
  });

  it('moves a corrupt file aside instead of discarding it', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'settings.json'), '{ not json');
    expect(await createSettingsStore(dir, () => 42).get()).toEqual(defaultSettings);
    expect(await readdir(dir)).toContain('settings.json.corrupt-42');
    expect(await readFile(path.join(dir, 'settings.json.corrupt-42'), 'utf8')).toBe('{ not json');
  });
});

describe('settings patch', () => {
  it('changes only the fields it names', async () => {
    const dir = await tempDir();
    const store = createSettingsStore(dir);
    await store.update({ theme: 'light', contextEvents: 5 });
    const next = await store.update({ marginMinutes: 9 });
    expect(next).toEqual({ ...defaultSettings, theme: 'light', contextEvents: 5, marginMinutes: 9 });
  });
});
