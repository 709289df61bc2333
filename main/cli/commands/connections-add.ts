import type { AuthInput } from '../../../shared/domain/connection';
import { defineCommand, UsageError, type CliIo } from '../command';
import { quoteArg } from '../format';
import { promptHidden, readSecretsFromStdin } from '../secret-input';

export const connectionsAdd = defineCommand({
  name: 'connections add',
  summary: 'Add a connection: AWS account/region and the log groups to search.',
  usage:
    '--name N --region R --log-group G [--log-group G2…] [--endpoint URL]\n' +
    '       (--access-key-id ID [--secret-access-key-stdin] | --profile P) [--openreplay-url URL --project-id P] [--json]',
  options: {
    name: { type: 'string', valueName: 'N', description: 'A name to refer to it by (unique, ignoring case).' },
    region: { type: 'string', valueName: 'R', description: 'AWS region of the log groups, e.g. us-east-1.' },
    'log-group': { type: 'string', multiple: true, valueName: 'G', description: 'A log group to search.' },
    endpoint: { type: 'string', valueName: 'URL', description: 'Custom CloudWatch Logs endpoint (LocalStack, VPC endpoint).' },
    'access-key-id': { type: 'string', valueName: 'ID', description: 'Access key ID; the secret is read from stdin or a prompt.' },
    'secret-access-key-stdin': { type: 'boolean', description: 'Read the secret access key (line 1) and optional session token (line 2) from stdin.' },
    profile: { type: 'string', valueName: 'P', description: 'Use an AWS shared-config profile (SSO included) instead of keys.' },
    'openreplay-url': { type: 'string', valueName: 'URL', description: 'OpenReplay base URL, for replay links.' },
    'project-id': { type: 'string', valueName: 'P', description: 'OpenReplay project ID.' },
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
    const view = await (await context.connections()).create({
      name: values.name,
      region: values.region,
      logGroups: values['log-group'] ?? [],
      auth,
      ...(values.endpoint !== undefined ? { endpoint: values.endpoint } : {}),
      ...(values['openreplay-url'] !== undefined
        ? { openReplay: { baseUrl: values['openreplay-url'], projectId: values['project-id'] ?? '' } }
        : {}),
    });
    if (values.json) return context.json(view);
    const where = view.auth.kind === 'keys' ? 'secret stored in the OS keychain' : `AWS profile "${view.auth.profile}"`;
    context.out(`Added connection "${view.name}" (${view.id}): ${view.region}, ${view.logGroups.length} log group(s), ${where}.`);
    context.out(`Next: orcw connections test ${quoteArg(view.name)}`);
  },
});

async function readAuth(
  values: { 'access-key-id'?: string; 'secret-access-key-stdin'?: boolean; profile?: string },
  io: CliIo,
): Promise<AuthInput> {
  const keyId = values['access-key-id'];
  if ((keyId === undefined) === (values.profile === undefined)) {
    throw new UsageError('give exactly one of --access-key-id (keys) or --profile (AWS profile)');
  }
  if (values.profile !== undefined) {
    if (values['secret-access-key-stdin']) throw new UsageError('--secret-access-key-stdin goes with --access-key-id, not --profile');
    return { kind: 'profile', profile: values.profile };
  }
  if (values['secret-access-key-stdin']) {
    const { secret, sessionToken } = await readSecretsFromStdin(io.stdin);
    return { kind: 'keys', accessKeyId: keyId ?? '', secretAccessKey: secret, ...(sessionToken ? { sessionToken } : {}) };
  }
  if (!io.stdin.isTTY) {
    throw new UsageError('no terminal to ask for the secret: pipe it in with --secret-access-key-stdin');
  }
  const secret = await promptHidden(io, 'Secret access key: ');
  const sessionToken = await promptHidden(io, 'Session token (Enter for none): ');
  return { kind: 'keys', accessKeyId: keyId ?? '', secretAccessKey: secret, ...(sessionToken ? { sessionToken } : {}) };
}
