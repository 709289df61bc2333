import type { ConnectionView } from '../../../shared/domain/connection';
import { defineCommand } from '../command';
import { table } from '../format';

export const connectionsList = defineCommand({
  name: 'connections list',
  summary: 'List the connections (never their secrets).',
  usage: '[--json]',
  options: { json: { type: 'boolean', description: 'Print the connections as JSON.' } },
  async run({ values }, context) {
    const connections = await (await context.connections()).list();
    if (values.json) return context.json(connections);
    if (connections.length === 0) {
      context.out('No connections yet. Add one with: orcw connections add --help');
      return;
    }
    const rows = connections.map((c) => [c.name, c.id, c.region, authLabel(c), c.logGroups.join(', ') || '-', c.endpoint ?? '']);
    context.out(table(['NAME', 'ID', 'REGION', 'AUTH', 'LOG GROUPS', 'ENDPOINT'], rows));
  },
});

function authLabel(connection: ConnectionView): string {
  if (connection.auth.kind === 'profile') return `profile ${connection.auth.profile}`;
  return connection.hasSecret ? 'keys (keychain)' : 'keys (secret missing)';
}
