import { CloudWatchLogsClient, type CloudWatchLogsClientConfig } from '@aws-sdk/client-cloudwatch-logs';
import { fromIni } from '@aws-sdk/credential-providers';
import type { Connection } from '../../../shared/domain/connection';
import { AppError } from '../../../shared/errors';
import { decodeAwsKeySecret } from '../keychain/aws-key-secret';
import { defaultSecretStore, type SecretStore } from '../keychain/secret-store';
import type { AwsErrorContext } from './aws-errors';
import { credentialProcessOf, runCredentialProcess } from './process-credentials';
import { logsRetryStrategy, type RetryPolicy } from './retry-strategy';

type Credentials = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
type CredentialsProvider = () => Promise<Credentials>;

export interface LogsClientOptions {
  /** Attempts per call, retries included: the one retry layer (retry-strategy.ts). */
  maxAttempts?: number;
  /** The waits between attempts; tests shorten them. */
  retry?: Omit<Partial<RetryPolicy>, 'maxAttempts'>;
  /** Upper bound for one HTTP request/response, so an unresponsive endpoint fails instead of hanging. */
  requestTimeoutMs?: number;
  /** Upper bound for establishing the TCP/TLS connection (DNS included). */
  connectTimeoutMs?: number;
  secrets?: SecretStore;
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
export const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;

/**
 * A CloudWatch Logs client that carries what `mapAwsError` needs to explain its failures. The
 * context is this client's own: it starts with what the connection says (region, endpoint,
 * profile) and gains the session-token flag and the values to redact when the credential provider
 * first reads the keys — before any call that could fail with them is made.
 */
export class LogsClient extends CloudWatchLogsClient {
  constructor(
    config: CloudWatchLogsClientConfig,
    readonly errorContext: Readonly<AwsErrorContext>,
  ) {
    super(config);
  }
}

/** The error context of any client: a LogsClient's own, or none for a client built elsewhere. */
export function errorContextOf(client: CloudWatchLogsClient): Readonly<AwsErrorContext> {
  return client instanceof LogsClient ? client.errorContext : {};
}

/**
 * A CloudWatch Logs client for one connection: keys come from the keychain when the first call
 * needs them (so a locked keychain is a reported error, not a crash here); profiles (SSO
 * included) resolve through the AWS shared config files. Call `client.destroy()` when done.
 */
export function createLogsClient(connection: Connection, options: LogsClientOptions = {}): LogsClient {
  const context: AwsErrorContext = { region: connection.region, endpoint: connection.endpoint };
  const credentials =
    connection.auth.kind === 'profile'
      ? profileCredentials(connection.auth.profile, connection.region, context)
      : keychainCredentials(connection, options.secrets ?? defaultSecretStore(), context);
  return new LogsClient(
    {
      region: connection.region,
      // StartLiveTail's model prefixes the host with `stream-` (its endpoint hostPrefix): right for
      // AWS, wrong for a custom endpoint (LocalStack, an emulator), which serves every operation itself.
      ...(connection.endpoint ? { endpoint: connection.endpoint, disableHostPrefix: true } : {}),
      credentials,
      retryStrategy: logsRetryStrategy({ ...options.retry, maxAttempts: options.maxAttempts }),
      requestHandler: {
        connectionTimeout: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
        requestTimeout: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
        // Without this the SDK only logs a warning when requestTimeout passes and keeps waiting.
        throwOnRequestTimeout: true,
      },
    },
    context,
  );
}

function profileCredentials(profile: string, region: string, context: AwsErrorContext): CredentialsProvider {
  context.profile = profile;
  // ignoreCache: re-read ~/.aws files per client, so `aws sso login` or an edited profile takes effect without a restart.
  const ini = fromIni({ profile, ignoreCache: true, clientConfig: { region } });
  return async () => {
    const command = await credentialProcessOf(profile).catch(() => undefined);
    const credentials = command === undefined ? await ini() : await runCredentialProcess(command, profile);
    // A profile's keys are as secret as stored ones: every later error of this client is scrubbed of them.
    context.hasSessionToken = credentials.sessionToken !== undefined;
    context.redact = [
      credentials.accessKeyId,
      credentials.secretAccessKey,
      ...(credentials.sessionToken ? [credentials.sessionToken] : []),
    ];
    return credentials;
  };
}

function keychainCredentials(connection: Connection, secrets: SecretStore, context: AwsErrorContext): CredentialsProvider {
  let cached: Credentials | undefined;
  return async () => {
    if (cached) return cached;
    const stored = await secrets.get(connection.id);
    if (stored === null) {
      throw new AppError(
        'AWS_CREDENTIALS_MISSING',
        `No access keys are stored in the keychain for connection "${connection.name}".`,
        'Edit the connection and enter its access key ID and secret access key again.',
      );
    }
    const keys = decodeAwsKeySecret(stored, connection.name);
    context.hasSessionToken = keys.sessionToken !== undefined;
    context.redact = [keys.accessKeyId, keys.secretAccessKey, ...(keys.sessionToken ? [keys.sessionToken] : [])];
    cached = keys;
    return keys;
  };
}
