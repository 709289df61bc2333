import { defineCommand, UsageError } from '../command';
import { authOptions, readAuth, sessionIdFieldOption } from '../auth-options';
import { quoteArg } from '../format';

export const connectionsAdd = defineCommand({
  name: 'connections add',
  summary: 'Add a connection: AWS account/region and the log groups to search.',
  usage:
    '--name N --region R --log-group G [--log-group G2…] [--endpoint URL]\n' +
    '       (--access-key-id ID [--secret-access-key-stdin] | --profile P) [--openreplay-url URL --project-id P]\n' +
    '       [--session-id-field F…] [--json]',
  options: {
    name: { type: 'string', valueName: 'N', description: 'A name to refer to it by (unique, ignoring case).' },
    region: { type: 'string', valueName: 'R', description: 'AWS region of the log groups, e.g. us-east-1.' },
    'log-group': { type: 'string', multiple: true, valueName: 'G', description: 'A log group to search.' },
    endpoint: { type: 'string', valueName: 'URL', description: 'Custom CloudWatch Logs endpoint (LocalStack, VPC endpoint).' },
    ...authOptions,
    'openreplay-url': { type: 'string', valueName: 'URL', description: 'OpenReplay base URL, for replay links.' },
    'project-id': { type: 'string', valueName: 'P', description: 'OpenReplay project ID.' },
    ...sessionIdFieldOption,
    json: { type: 'boolean', description: 'Print the new connection as JSON.' },
  },
  details:
    'Secrets are never taken from arguments (other processes can read those). With --access-key-id,\n' +
    'pipe the secret in with --secret-access-key-stdin, or leave it out to be asked without echo.\n' +
    'The secret goes to the OS keychain; connections.json holds only the rest.\n\n' +
    'Example: orcw connections add --name prod --region eu-west-1 --log-group /ecs/api \\\n' +
    '           --access-key-id AKIA… --secret-access-key-stdin < secret.txt',
  async run({ values }, context) {
    if (values.name === undefined) throw new UsageError('--name is required');
    if (values.region === undefined) throw new UsageError('--region is required');
    if ((values['openreplay-url'] === undefined) !== (values['project-id'] === undefined)) {
      throw new UsageError('--openreplay-url and --project-id go together');
    }
    const auth = await readAuth(values, context.io);
    const view = await (
      await context.connections()
    ).create({
      name: values.name,
      region: values.region,
      logGroups: values['log-group'] ?? [],
      auth,
      ...(values.endpoint !== undefined ? { endpoint: values.endpoint } : {}),
      ...(values['openreplay-url'] !== undefined
        ? { openReplay: { baseUrl: values['openreplay-url'], projectId: values['project-id'] ?? '' } }
        : {}),
      ...(values['session-id-field'] !== undefined ? { sessionIdFields: values['session-id-field'] } : {}),
    });
    if (values.json) return context.json(view);
    const where = view.auth.kind === 'keys' ? 'secret stored in the OS keychain' : `AWS profile "${view.auth.profile}"`;
    context.out(`Added connection "${view.name}" (${view.id}): ${view.region}, ${view.logGroups.length} log group(s), ${where}.`);
    context.out(`Next: orcw connections test ${quoteArg(view.name)}`);
  },
});
