import type { LogGroupInfo } from '../../../shared/domain/connection';
import { defineCommand } from '../command';
import { formatBytes } from '../../../shared/format/quantities';
import { table } from '../format';

export const logGroups = defineCommand({
  name: 'log-groups',
  summary: 'List the log groups a connection can see, with stored size and retention.',
  usage: '<name> [--prefix P] [--json]',
  positionals: ['name'],
  options: {
    prefix: { type: 'string', valueName: 'P', description: 'Only groups whose name starts with P (case-sensitive, as in AWS).' },
    json: { type: 'boolean', description: 'Print the groups as JSON.' },
  },
  async run({ values, positionals }, context) {
    const service = await context.connections();
    const connection = await service.findConnection(positionals[0] ?? '');
    const groups: LogGroupInfo[] = [];
    let nextToken: string | undefined;
    do {
      const page = await service.listLogGroups({ id: connection.id, prefix: values.prefix, nextToken });
      groups.push(...page.groups);
      nextToken = page.nextToken;
    } while (nextToken);
    if (values.json) return context.json(groups);
    if (groups.length === 0) {
      context.out(values.prefix ? `No log groups start with "${values.prefix}".` : 'No log groups visible.');
      return;
    }
    const configured = new Set(connection.logGroups);
    const rows = groups.map((g) => [
      `${configured.has(g.name) ? '*' : ' '} ${g.name}`,
      formatBytes(g.storedBytes),
      g.retentionInDays ? `${g.retentionInDays} d` : 'never expires',
    ]);
    context.out(table(['  NAME', 'STORED', 'RETENTION'], rows));
    context.out(`${groups.length} log group(s); * = searched by this connection.`);
  },
});
