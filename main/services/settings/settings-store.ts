import { rename } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { defaultSettings, settingsPatchSchema, settingsSchema, type Settings, type SettingsPatch } from '../../../shared/domain/settings';
import { readFileIfExists, writeFileAtomic } from '../config/atomic-file';
import { withConfigLock } from '../config/config-lock';
import { makeFilePrivate } from '../config/private-files';

// Settings added in later versions take their defaults when an older file is read.
const settingsFileSchema = z.object({ version: z.literal(1), settings: settingsPatchSchema });

export interface SettingsStore {
  get(): Promise<Settings>;
  update(patch: SettingsPatch): Promise<Settings>;
}

/**
 * settings.json in the data directory. Unknown or invalid files are moved aside (kept for the
 * user to inspect) and defaults used: a broken preferences file must not stop the app.
 * Updates are read-modify-write under the config lock, reading the file afresh, so concurrent
 * updates (in this process, or the CLI beside the app) each keep the others' fields.
 */
export function createSettingsStore(dataDir: string, now: () => number = Date.now): SettingsStore {
  const file = path.join(dataDir, 'settings.json');
  let cached: Settings | undefined;
  let loading: Promise<Settings> | undefined;

  async function readSettings(): Promise<Settings> {
    const text = await readFileIfExists(file);
    if (text === undefined) return defaultSettings;
    const parsed = parse(text);
    if (parsed) return parsed;
    // Moving it aside under the lock, and only if it is still the same damaged text: another
    // process may have written a good file (or moved this one) in the meantime.
    return withConfigLock(dataDir, async () => {
      const current = await readFileIfExists(file);
      if (current === undefined) return defaultSettings;
      if (current !== text) return parse(current) ?? moveAside();
      return moveAside();
    });
  }

  async function moveAside(): Promise<Settings> {
    const aside = `${file}.corrupt-${now()}`;
    await rename(file, aside).catch(() => undefined);
    makeFilePrivate(aside);
    return defaultSettings;
  }

  function load(): Promise<Settings> {
    if (cached) return Promise.resolve(cached);
    // Concurrent first reads share one, so a damaged file is moved aside once.
    loading ??= readSettings().then(
      (settings) => {
        cached = settings;
        loading = undefined;
        return settings;
      },
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
    return loading;
  }

  return {
    get: load,
    async update(patch) {
      const checked = settingsPatchSchema.parse(patch);
      return withConfigLock(dataDir, async () => {
        const next = settingsSchema.parse({ ...(await readSettings()), ...checked });
        await writeFileAtomic(file, `${JSON.stringify({ version: 1, settings: next }, null, 2)}\n`);
        cached = next;
        return next;
      });
    },
  };
}

function parse(text: string): Settings | undefined {
  const parsed = settingsFileSchema.safeParse(safeJson(text));
  return parsed.success ? settingsSchema.parse({ ...defaultSettings, ...parsed.data.settings }) : undefined;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
