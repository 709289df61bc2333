import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { connectionSchema, type Connection } from '../../../shared/domain/connection';
import { AppError } from '../../../shared/errors';
import { readFileIfExists, writeFileAtomic } from '../config/atomic-file';
import { holdsConfigLock, withConfigLock } from '../config/config-lock';
import { makeFilePrivate } from '../config/private-files';

export const CONNECTIONS_FILE = 'connections.json';
const FILE_VERSION = 1;

/** The on-disk shape. Never holds a secret: keys live in the keychain under the connection id. */
export const connectionsFileSchema = z.object({
  version: z.literal(FILE_VERSION),
  connections: z
    .array(connectionSchema)
    .refine((list) => new Set(list.map((c) => c.id)).size === list.length, 'Two connections share an id.'),
});

/** One read of a path at a time in this process: concurrent readers share its answer. */
const inflight = new Map<string, Promise<Connection[]>>();
/** The damaged text last moved aside per path and what was reported, for readers that saw it too. */
const movedAside = new Map<string, { text: string; error: AppError }>();

/** Reads and writes `connections.json` in the data directory. */
export class ConnectionStore {
  readonly path: string;
  readonly dataDir: string;

  constructor(dataDir: string) {
    this.dataDir = dataDir;
    this.path = join(dataDir, CONNECTIONS_FILE);
  }

  /**
   * Concurrent reads share one: a damaged file is then moved aside once and every reader gets the
   * same CONFIG_CORRUPT (before, the second and third rename failed with a bare ENOENT).
   */
  read(): Promise<Connection[]> {
    // Inside the config lock (a create or update) a shared read might be waiting for that very lock.
    if (holdsConfigLock(this.dataDir)) return this.readOnce();
    const running = inflight.get(this.path);
    if (running) return running;
    const read = this.readOnce().finally(() => inflight.delete(this.path));
    inflight.set(this.path, read);
    return read;
  }

  async write(connections: readonly Connection[]): Promise<void> {
    const file = { version: FILE_VERSION, connections };
    await writeFileAtomic(this.path, `${JSON.stringify(file, null, 2)}\n`).catch((error: unknown) => {
      throw fileError('save', this.path, error);
    });
  }

  private async readOnce(): Promise<Connection[]> {
    const text = await this.readText();
    if (text === undefined) return [];
    const parsed = this.parse(text);
    if (parsed.ok) return parsed.connections;
    // Moving the file aside changes it for every process: done under the config lock, and only if
    // it is still the same damaged text (another process may have replaced or moved it meanwhile).
    return withConfigLock(this.dataDir, async () => {
      const now = await this.readText();
      if (now === text) return this.quarantine(text, parsed.reason);
      if (now === undefined) {
        // Gone: moved aside by a reader that got there first; this reader saw the same file.
        const earlier = movedAside.get(this.path);
        if (earlier?.text === text) throw earlier.error;
        return [];
      }
      const again = this.parse(now);
      return again.ok ? again.connections : this.quarantine(now, again.reason);
    });
  }

  private async readText(): Promise<string | undefined> {
    return readFileIfExists(this.path).catch((error: unknown) => {
      throw fileError('read', this.path, error);
    });
  }

  private parse(text: string): { ok: true; connections: Connection[] } | { ok: false; reason: string } {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { ok: false, reason: 'it is not valid JSON' };
    }
    const version = (json as { version?: unknown } | null)?.version;
    if (typeof version === 'number' && version > FILE_VERSION) {
      // Leave it in place: a newer orcw owns it and rewriting it would lose what we cannot read.
      throw new AppError(
        'CONFIG_CORRUPT',
        `${this.path} was written by a newer orcw (format version ${version}).`,
        'Update orcw to the latest version; the file was left untouched.',
      );
    }
    const parsed = connectionsFileSchema.safeParse(json);
    if (parsed.success) return { ok: true, connections: parsed.data.connections };
    const first = parsed.error.issues[0];
    const where = first?.path.length ? ` at ${first.path.join('.')}` : '';
    return { ok: false, reason: `${first?.message ?? 'unexpected content'}${where}` };
  }

  /**
   * A damaged file is moved aside rather than overwritten, so whatever the user had can still be
   * recovered by hand; the app carries on with no connections and says where the file went.
   */
  private async quarantine(text: string, reason: string): Promise<never> {
    const aside = `${this.path}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    await rename(this.path, aside).catch((error: unknown) => {
      throw fileError('move aside', this.path, error);
    });
    makeFilePrivate(aside);
    const error = new AppError(
      'CONFIG_CORRUPT',
      `${CONNECTIONS_FILE} could not be read (${reason}); it was moved to ${aside} and orcw now starts with no connections.`,
      'Fix the moved file and rename it back to connections.json, or add the connections again (keys stored in the keychain are kept).',
    );
    movedAside.set(this.path, { text, error });
    throw error;
  }
}

function fileError(action: 'read' | 'save' | 'move aside', path: string, error: unknown): AppError {
  const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
  return new AppError(
    'INTERNAL',
    `Could not ${action} ${path} (${code}).`,
    'Check that the orcw data directory is readable and writable and the disk is not full (ORCW_DATA_DIR overrides its location).',
  );
}
