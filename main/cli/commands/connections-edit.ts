import type { ConnectionUpdate } from '../../../shared/domain/connection';
import { defineCommand, UsageError } from '../command';
import { authOptions, readAuth, sessionIdFieldOption, wantsAuthChange } from '../auth-options';

export const connectionsEdit = defineCommand({
  name: 'connections edit',
  summary: 'Change a connection: name, region, log groups, endpoint, credentials, OpenReplay settings, session ID fields.',
  usage:
    '<name> [--rename N] [--region R] [--log-group G…] [--endpoint URL | --no-endpoint]\n' +
    '       [--access-key-id ID [--secret-access-key-stdin] | --profile P] [--openreplay-url URL --project-id P | --no-openreplay]\n' +
    '       [--session-id-field F… | --no-session-id-fields] [--json]',
  positionals: ['name'],
  options: {
    rename: { type: 'string', valueName: 'N', description: 'A new name (unique, ignoring case).' },
    region: { type: 'string', valueName: 'R', description: 'AWS region of the log groups.' },
    'log-group': { type: 'string', multiple: true, valueName: 'G', description: 'The log groups to search (replaces the list).' },
    endpoint: { type: 'string', valueName: 'URL', description: 'Custom CloudWatch Logs endpoint.' },
    'no-endpoint': { type: 'boolean', description: "Use AWS's own endpoint again." },
    ...authOptions,
    'openreplay-url': { type: 'string', valueName: 'URL', description: 'OpenReplay base URL, for replay links.' },
    'project-id': { type: 'string', valueName: 'P', description: 'OpenReplay project ID.' },
    'no-openreplay': { type: 'boolean', description: 'Forget the OpenReplay URL and project ID.' },
    ...sessionIdFieldOption,
    'no-session-id-fields': { type: 'boolean', description: "Search OpenReplay's own names only." },
    json: { type: 'boolean', description: 'Print the changed connection as JSON.' },
  },
  details:
    'Options left out keep their stored value; --log-group and --session-id-field replace the whole list.\n' +
    'New credentials follow the rules of "connections add" (secret from stdin or a no-echo prompt).\n\n' +
    'Example: orcw connections edit prod --session-id-field sessionId --session-id-field or_session',
  async run({ values, positionals }, context) {
    if ((values['openreplay-url'] === undefined) !== (values['project-id'] === undefined)) {
      throw new UsageError('--openreplay-url and --project-id go together');
    }
    exclusive(values.endpoint !== undefined, values['no-endpoint'], '--endpoint', '--no-endpoint');
    exclusive(values['openreplay-url'] !== undefined, values['no-openreplay'], '--openreplay-url', '--no-openreplay');
    exclusive(values['session-id-field'] !== undefined, values['no-session-id-fields'], '--session-id-field', '--no-session-id-fields');
    const service = await context.connections();
    const connection = await service.findConnection(positionals[0] ?? '');
    const update: ConnectionUpdate = {
      id: connection.id,
      ...(values.rename !== undefined ? { name: values.rename } : {}),
      ...(values.region !== undefined ? { region: values.region } : {}),
      ...(values['log-group'] !== undefined ? { logGroups: values['log-group'] } : {}),
      ...(wantsAuthChange(values) ? { auth: await readAuth(values, context.io) } : {}),
      ...(values['no-endpoint'] ? { endpoint: null } : values.endpoint !== undefined ? { endpoint: values.endpoint } : {}),
      ...(values['no-openreplay']
        ? { openReplay: null }
        : values['openreplay-url'] !== undefined
          ? { openReplay: { baseUrl: values['openreplay-url'], projectId: values['project-id'] ?? '' } }
          : {}),
      ...(values['no-session-id-fields']
        ? { sessionIdFields: null }
        : values['session-id-field'] !== undefined
          ? { sessionIdFields: values['session-id-field'] }
          : {}),
    };
    if (Object.keys(update).length === 1) throw new UsageError('nothing to change: give at least one option');
    const view = await service.update(update);
    if (values.json) return context.json(view);
    const fields = view.sessionIdFields?.length ? `, session ID also under ${view.sessionIdFields.join(', ')}` : '';
    context.out(`Updated connection "${view.name}" (${view.id}): ${view.region}, ${view.logGroups.length} log group(s)${fields}.`);
  },
});

function exclusive(given: boolean, clear: boolean | undefined, set: string, unset: string): void {
  if (given && clear) throw new UsageError(`${set} and ${unset} exclude each other`);
}
