import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { readFileIfExists, writeFileAtomic } from '../config/atomic-file';

export const JOURNAL_FILE = 'pending-secrets.json';
const journalSchema = z.object({ version: z.literal(1), ids: z.array(z.string().regex(/^[0-9a-z-]{1,64}$/)) });

/**
 * The connection ids whose keychain entry is being changed right now. A keychain write and the
 * connections.json write cannot be one transaction; the id is written here before the keychain is
 * touched and removed after connections.json is saved, so a crash in between leaves a record
 * saying which entry may be an orphan. Only ids, never a secret. Used under the config lock.
 */
export class SecretJournal {
  readonly path: string;

  constructor(dataDir: string) {
    this.path = join(dataDir, JOURNAL_FILE);
  }

  async pending(): Promise<string[]> {
    const text = await readFileIfExists(this.path);
    if (text === undefined) return [];
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    // An unreadable journal names nothing: leaving the keychain alone is the safe side.
    const parsed = journalSchema.safeParse(json);
    return parsed.success ? parsed.data.ids : [];
  }

  async add(id: string): Promise<void> {
    const ids = await this.pending();
    if (!ids.includes(id)) await this.save([...ids, id]);
  }

  async remove(id: string): Promise<void> {
    const ids = await this.pending();
    if (ids.includes(id)) await this.save(ids.filter((other) => other !== id));
  }

  async clear(): Promise<void> {
    await rm(this.path, { force: true });
  }

  private async save(ids: string[]): Promise<void> {
    if (ids.length === 0) return this.clear();
    await writeFileAtomic(this.path, `${JSON.stringify({ version: 1, ids })}\n`);
  }
}
