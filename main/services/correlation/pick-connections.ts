import type { Connection } from '../../../shared/domain/connection';
import { AppError } from '../../../shared/errors';

export interface ConnectionSource {
  list(): Promise<Connection[]>;
}

/**
 * The connections a run uses: the ones the request names (ids), else the one a deep link names
 * (by name, ignoring case, or id), else all. A name that matches nothing is an error, never a
 * silent fall-back to "all" (that could query, and bill, accounts the link did not mean).
 */
export async function pickConnections(source: ConnectionSource, wanted: { ids?: readonly string[]; name?: string }): Promise<Connection[]> {
  const all = (await source.list()).map(stripView);
  if (all.length === 0) {
    throw new AppError(
      'NOT_FOUND',
      'There are no connections yet.',
      'Add one first: orcw connections add --help, or Settings → Connections in the app.',
    );
  }
  if (wanted.ids && wanted.ids.length > 0) {
    return [...new Set(wanted.ids)].map((id) => all.find((c) => c.id === id) ?? missing(id));
  }
  if (wanted.name !== undefined) {
    const name = wanted.name.trim().toLowerCase();
    const found = all.find((c) => c.id === wanted.name) ?? all.find((c) => c.name.toLowerCase() === name);
    return [found ?? missing(wanted.name)];
  }
  return all;
}

/** The renderer-facing view adds `hasSecret`; the engine wants the plain record. */
function stripView(connection: Connection & { hasSecret?: boolean }): Connection {
  const { hasSecret: _hasSecret, ...plain } = connection;
  return plain;
}

function missing(what: string): never {
  throw new AppError(
    'NOT_FOUND',
    `No connection "${what.slice(0, 100)}".`,
    'List the connections (orcw connections list) and use one of their names or ids.',
  );
}
