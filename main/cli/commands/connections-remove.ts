import { defineCommand } from '../command';

export const connectionsRemove = defineCommand({
  name: 'connections remove',
  summary: 'Remove a connection and its keychain entry.',
  usage: '<name>',
  positionals: ['name'],
  options: {},
  async run({ positionals }, context) {
    const service = await context.connections();
    const connection = await service.findConnection(positionals[0] ?? '');
    await service.delete({ id: connection.id });
    context.out(`Removed connection "${connection.name}"${connection.auth.kind === 'keys' ? ' and its keychain entry' : ''}.`);
  },
});
