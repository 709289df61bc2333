import { defineCommand } from '../command';

export const connectionsTest = defineCommand({
  name: 'connections test',
  summary: 'Check that a connection can reach CloudWatch Logs and sees its log groups.',
  usage: '<name> [--json]',
  positionals: ['name'],
  options: { json: { type: 'boolean', description: 'Print the result as JSON.' } },
  async run({ values, positionals }, context) {
    const service = await context.connections();
    const connection = await service.findConnection(positionals[0] ?? '');
    const result = await service.test({ id: connection.id });
    if (values.json) return context.json(result);
    context.out(`ok: ${result.message}`);
  },
});
