import { AppError, isAppError } from '../../../shared/errors';
import { scrubAndClip, scrubAppError } from '../security/secret-scrubber';
import { isKnownRegion } from './regions';

/** What the failing call was talking to, so the message can say what to check. */
export interface AwsErrorContext {
  region?: string;
  endpoint?: string;
  profile?: string;
  hasSessionToken?: boolean;
  /** Strings that must never reach a message (a connection's keys and session token, once read). */
  redact?: readonly string[];
}

const READ_ONLY_ACTIONS = 'logs:DescribeLogGroups, logs:StartQuery, logs:GetQueryResults, logs:StopQuery, logs:GetLogEvents';

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EPIPE',
  'ECONNABORTED',
]);

interface SdkErrorLike {
  name?: string;
  message?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number };
}

/**
 * Turns whatever the AWS SDK (or a credential provider, or the network) threw into an AppError
 * that says what to do next. Used by connection tests and by the correlation engine.
 */
export function mapAwsError(error: unknown, context: AwsErrorContext = {}): AppError {
  const known = context.redact ?? [];
  if (isAppError(error)) return scrubAppError(error, known);
  const e: SdkErrorLike = typeof error === 'object' && error !== null ? (error as SdkErrorLike) : {};
  const name = e.name ?? '';
  // Scrub the whole text before cutting it: a secret straddling the cut would otherwise survive in part.
  const serverMessage = scrubAndClip(String(e.message ?? ''), MAX_SERVER_MESSAGE, known);
  return scrubAppError(classify(name, e, serverMessage, context), known);
}

/** What a server (or proxy) said is kept this long in a message: enough to explain, not a page of HTML. */
const MAX_SERVER_MESSAGE = 300;

function classify(name: string, e: SdkErrorLike, serverMessage: string, context: AwsErrorContext): AppError {
  switch (name) {
    case 'AbortError':
      return new AppError('CANCELLED', 'The request was cancelled.', 'Start it again when you are ready.');
    case 'UnrecognizedClientException':
    case 'InvalidClientTokenId':
      return context.hasSessionToken
        ? new AppError(
            'AWS_UNKNOWN_KEY',
            'Access key ID or session token not recognised — check them in IAM.',
            'Temporary keys belong together: paste the access key ID, secret and session token from the same issue.',
          )
        : new AppError(
            'AWS_UNKNOWN_KEY',
            'Access key ID not recognised — check it in IAM.',
            'Copy the access key ID again from IAM → Users → Security credentials; deleted or deactivated keys stop working.',
          );
    case 'InvalidSignatureException':
    case 'SignatureDoesNotMatch':
      return new AppError(
        'AWS_BAD_SECRET',
        'The secret access key does not match the access key ID.',
        'Paste the secret access key again (it is shown only once when the key is created; create a new key if it is lost).',
      );
    case 'ExpiredTokenException':
    case 'ExpiredToken':
      return new AppError(
        'AWS_EXPIRED_TOKEN',
        'The session token has expired.',
        context.profile
          ? `Refresh the credentials of profile "${context.profile}" (for SSO: aws sso login --profile ${context.profile}).`
          : 'Get fresh temporary credentials and enter the access key ID, secret and session token again.',
      );
    case 'AccessDeniedException':
    case 'AccessDenied':
      return new AppError(
        'AWS_ACCESS_DENIED',
        `AWS denied access: the IAM user needs CloudWatchReadOnlyAccess: ${READ_ONLY_ACTIONS}.`,
        `Attach the managed policy CloudWatchReadOnlyAccess (or a policy allowing ${READ_ONLY_ACTIONS}) to the IAM user or role.`,
      );
    case 'ThrottlingException':
    case 'LimitExceededException':
    case 'TooManyRequestsException':
    case 'ServiceQuotaExceededException':
      return new AppError(
        'AWS_THROTTLED',
        `CloudWatch Logs is throttling requests (${name}).`,
        'Wait a minute and try again; Logs Insights allows only a limited number of concurrent queries per account.',
      );
    case 'MalformedQueryException':
      return new AppError(
        'AWS_MALFORMED_QUERY',
        `CloudWatch rejected the query: ${serverMessage}`,
        'This is a bug in orcw: please report it with the session reference used.',
      );
    case 'ResourceNotFoundException':
      return new AppError(
        'AWS_RESOURCE_NOT_FOUND',
        `Not found in CloudWatch Logs: ${serverMessage}`,
        `Check the log group names and that they live in region ${context.region ?? 'of the connection'}.`,
      );
    case 'CredentialsProviderError':
    case 'TokenProviderError':
      return credentialProviderError(serverMessage, context);
  }
  return networkOrOther(name, e, serverMessage, context);
}

function credentialProviderError(message: string, context: AwsErrorContext): AppError {
  const profile = context.profile ?? 'default';
  // The SDK folds a failing credential_process's command line and stderr into its message (a
  // source profile of a role, say): either can carry a secret, so none of it is kept.
  if (/^Command failed:|credential_process/i.test(message)) {
    return new AppError(
      'AWS_CREDENTIALS_MISSING',
      `No credentials: a credential_process used by AWS profile "${profile}" failed. Its command line and output are not shown: they can hold secrets.`,
      `Run the credential_process commands of profile "${profile}" and its source profiles (in ~/.aws/config) in a terminal to see the error, fix it, then try again.`,
    );
  }
  if (/\bsso\b|token/i.test(message)) {
    return new AppError(
      'AWS_EXPIRED_TOKEN',
      `The SSO session of profile "${profile}" has expired or is missing.`,
      `Run: aws sso login --profile ${profile}`,
    );
  }
  return new AppError(
    'AWS_CREDENTIALS_MISSING',
    `No usable credentials for AWS profile "${profile}": ${message}`,
    'Check the profile name in ~/.aws/config and ~/.aws/credentials (or AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE), or run aws configure --profile ' +
      `${profile}.`,
  );
}

function networkOrOther(name: string, e: SdkErrorLike, serverMessage: string, context: AwsErrorContext): AppError {
  const host = targetHost(context);
  if (/region not accepted|invalid region/i.test(serverMessage)) return unknownRegion(context.region);
  const code = e.code ?? '';
  const isNetwork = NETWORK_CODES.has(code) || name === 'TimeoutError' || /socket hang up|ECONNREFUSED|getaddrinfo/i.test(serverMessage);
  if (isNetwork) {
    const unresolved = code === 'ENOTFOUND' || code === 'EAI_AGAIN';
    if (unresolved && !context.endpoint && context.region && !isKnownRegion(context.region)) {
      return unknownRegion(context.region);
    }
    const what =
      name === 'TimeoutError' || code === 'ETIMEDOUT'
        ? 'did not answer in time'
        : unresolved
          ? 'could not be resolved'
          : 'could not be reached';
    return new AppError(
      'AWS_NETWORK',
      `CloudWatch Logs at ${host} ${what} (${code || name}).`,
      context.endpoint
        ? 'Check that the custom endpoint URL is right and the service behind it is running.'
        : 'Check your internet connection, VPN or proxy, then try again.',
    );
  }
  const status = e.$metadata?.httpStatusCode;
  if (status && status >= 500) {
    return new AppError(
      'AWS_ERROR',
      `CloudWatch Logs at ${host} failed (HTTP ${status}).`,
      'AWS is having trouble: try again in a few minutes.',
    );
  }
  if (name === 'UnknownError' || name === 'Unknown') {
    return new AppError(
      'AWS_ERROR',
      `${host} did not answer like CloudWatch Logs${status ? ` (HTTP ${status})` : ''}.`,
      context.endpoint ? 'Check the custom endpoint URL.' : 'Check proxy settings: something between orcw and AWS answered instead.',
    );
  }
  return new AppError(
    'AWS_ERROR',
    `CloudWatch Logs error${name ? ` ${name}` : ''}: ${serverMessage || 'no details'}`,
    'Try again; if it persists, check the connection settings with orcw connections test.',
  );
}

function unknownRegion(region: string | undefined): AppError {
  return new AppError(
    'AWS_UNKNOWN_REGION',
    `Unknown AWS region "${region ?? ''}": CloudWatch Logs has no endpoint there.`,
    'Pick the region your log groups live in (e.g. us-east-1), as shown in the CloudWatch console URL.',
  );
}

function targetHost(context: AwsErrorContext): string {
  if (context.endpoint) {
    try {
      return new URL(context.endpoint).host;
    } catch {
      return context.endpoint;
    }
  }
  const region = context.region ?? 'us-east-1';
  return `logs.${region}.${region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com'}`;
}
