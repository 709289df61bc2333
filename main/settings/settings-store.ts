import { rename } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { defaultSettings, settingsPatchSchema, settingsSchema, type Settings, type SettingsPatch } from '../../shared/domain/settings';
import { readFileIfExists, writeFileAtomic } from '../config/atomic-file';

// Settings added in later versions take their defaults when an older file is read.
const settingsFileSchema = z.object({ version: z.literal(1), settings: settingsPatchSchema });

export interface SettingsStore {
  get(): Promise<Settings>;
  update(patch: SettingsPatch): Promise<Settings>;
}

/**
 * settings.json in the data directory. Unknown or invalid files are moved aside (kept for the
 * user to inspect) and defaults used: a broken preferences file must not stop the app.
 */
export function createSettingsStore(dataDir: string, now: () => number = Date.now): SettingsStore {
  const file = path.join(dataDir, 'settings.json');
  let cached: Settings | undefined;

  async function load(): Promise<Settings> {
    if (cached) return cached;
    const text = await readFileIfExists(file);
    if (text === undefined) return (cached = defaultSettings);
    const parsed = settingsFileSchema.safeParse(safeJson(text));
    if (parsed.success) return (cached = settingsSchema.parse({ ...defaultSettings, ...parsed.data.settings }));
    await rename(file, `${file}.corrupt-${now()}`).catch(() => undefined);
    return (cached = defaultSettings);
  }

  return {
    get: load,
    async update(patch) {
      const next = settingsSchema.parse({ ...(await load()), ...settingsPatchSchema.parse(patch) });
      await writeFileAtomic(file, `${JSON.stringify({ version: 1, settings: next }, null, 2)}\n`);
      cached = next;
      return next;
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
