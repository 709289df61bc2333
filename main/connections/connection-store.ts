import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { connectionSchema, type Connection } from '../../shared/domain/connection';
import { AppError } from '../../shared/errors';
import { readFileIfExists, writeFileAtomic } from '../config/atomic-file';

export const CONNECTIONS_FILE = 'connections.json';
const FILE_VERSION = 1;

/** The on-disk shape. Never holds a secret: keys live in the keychain under the connection id. */
export const connectionsFileSchema = z.object({
  version: z.literal(FILE_VERSION),
  connections: z
    .array(connectionSchema)
    .refine((list) => new Set(list.map((c) => c.id)).size === list.length, 'Two connections share an id.'),
});

/** Reads and writes `connections.json` in the data directory. */
export class ConnectionStore {
  readonly path: string;

  constructor(dataDir: string) {
    this.path = join(dataDir, CONNECTIONS_FILE);
  }

  async read(): Promise<Connection[]> {
    const text = await readFileIfExists(this.path).catch((error: unknown) => {
      throw fileError('read', this.path, error);
    });
    if (text === undefined) return [];
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return this.quarantine('it is not valid JSON');
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
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const where = first?.path.length ? ` at ${first.path.join('.')}` : '';
      return this.quarantine(`${first?.message ?? 'unexpected content'}${where}`);
    }
    return parsed.data.connections;
  }

  async write(connections: readonly Connection[]): Promise<void> {
    const file = { version: FILE_VERSION, connections };
    await writeFileAtomic(this.path, `${JSON.stringify(file, null, 2)}\n`).catch((error: unknown) => {
      throw fileError('save', this.path, error);
    });
  }

  /**
   * A damaged file is moved aside rather than overwritten, so whatever the user had can still be
   * recovered by hand; the app carries on with no connections and says where the file went.
   */
  private async quarantine(reason: string): Promise<never> {
    const aside = `${this.path}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    await rename(this.path, aside);
    throw new AppError(
      'CONFIG_CORRUPT',
      `${CONNECTIONS_FILE} could not be read (${reason}); it was moved to ${aside} and orcw now starts with no connections.`,
      'Fix the moved file and rename it back to connections.json, or add the connections again (keys stored in the keychain are kept).',
    );
  }
}

function fileError(action: 'read' | 'save', path: string, error: unknown): AppError {
  const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
  return new AppError(
    'INTERNAL',
    `Could not ${action} ${path} (${code}).`,
    'Check that the orcw data directory is readable and writable and the disk is not full (ORCW_DATA_DIR overrides its location).',
  );
}
