import type { AuthInput } from '../../shared/domain/connection';
import { UsageError, type CliIo } from './command';
import { promptHidden, readSecretsFromStdin } from './secret-input';

/** The credential options `connections add` and `connections edit` share. */
export const authOptions = {
  'access-key-id': { type: 'string', valueName: 'ID', description: 'Access key ID; the secret is read from stdin or a prompt.' },
  'secret-access-key-stdin': {
    type: 'boolean',
    description: 'Read the secret access key (line 1) and optional session token (line 2) from stdin.',
  },
  profile: { type: 'string', valueName: 'P', description: 'Use an AWS shared-config profile (SSO included) instead of keys.' },
} as const;

export const sessionIdFieldOption = {
  'session-id-field': {
    type: 'string',
    multiple: true,
    valueName: 'F',
    description: "A field name your services log the session ID under (e.g. sessionId), besides OpenReplay's own names.",
  },
} as const;

interface AuthValues {
  'access-key-id'?: string;
  'secret-access-key-stdin'?: boolean;
  profile?: string;
}

export function wantsAuthChange(values: AuthValues): boolean {
  return values['access-key-id'] !== undefined || values.profile !== undefined || values['secret-access-key-stdin'] === true;
}

/** Secrets are never taken from arguments (other processes can read those): stdin or a no-echo prompt. */
export async function readAuth(values: AuthValues, io: CliIo): Promise<AuthInput> {
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
