import {
  AccessDeniedException,
  CloudWatchLogsServiceException,
  LimitExceededException,
  MalformedQueryException,
  ResourceNotFoundException,
  ServiceUnavailableException,
  ThrottlingException,
  UnrecognizedClientException,
} from '@aws-sdk/client-cloudwatch-logs';
import { describe, expect, it } from 'vitest';
import { mapAwsError } from '../../../main/services/aws/aws-errors';
import { AppError } from '../../../shared/errors';

/** Exceptions are built with the SDK's own classes, exactly as its deserializer builds them. */
const meta = { $metadata: { httpStatusCode: 400 }, $fault: 'client' as const };
const serviceError = (name: string, message: string, status = 400) =>
  new CloudWatchLogsServiceException({ name, message, $fault: status >= 500 ? 'server' : 'client', $metadata: { httpStatusCode: status } });
const nodeError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('mapAwsError', () => {
  it.each([
    [
      new UnrecognizedClientException({ ...meta, message: 'The security token included in the request is invalid.' }),
      'AWS_UNKNOWN_KEY',
      /Access key ID not recognised — check it in IAM/,
    ],
    [
      serviceError('InvalidSignatureException', 'The request signature we calculated does not match'),
      'AWS_BAD_SECRET',
      /secret access key/,
    ],
    [
      serviceError('ExpiredTokenException', 'The security token included in the request is expired'),
      'AWS_EXPIRED_TOKEN',
      /session token has expired/,
    ],
    [
      new AccessDeniedException({ ...meta, message: 'User is not authorized' }),
      'AWS_ACCESS_DENIED',
      /CloudWatchReadOnlyAccess: logs:DescribeLogGroups, logs:StartQuery, logs:GetQueryResults, logs:StopQuery, logs:GetLogEvents/,
    ],
    [new ThrottlingException({ ...meta, message: 'Rate exceeded' }), 'AWS_THROTTLED', /throttling/],
    [new LimitExceededException({ ...meta, message: 'too many queries' }), 'AWS_THROTTLED', /LimitExceededException/],
    [new MalformedQueryException({ ...meta, message: 'unexpected symbol' }), 'AWS_MALFORMED_QUERY', /unexpected symbol/],
    [
      new ResourceNotFoundException({ ...meta, message: 'The specified log group does not exist.' }),
      'AWS_RESOURCE_NOT_FOUND',
      /does not exist/,
    ],
    [new ServiceUnavailableException({ $metadata: { httpStatusCode: 503 }, message: 'down' }), 'AWS_ERROR', /HTTP 503/],
  ])('maps %s', (error, code, message) => {
    const mapped = mapAwsError(error, { region: 'eu-west-1' });
    expect(mapped).toBeInstanceOf(AppError);
    expect(mapped.code).toBe(code);
    expect(mapped.message).toMatch(message);
    expect(mapped.hint.length).toBeGreaterThan(10);
  });

  it('mentions the session token when the key came with one', () => {
    const error = new UnrecognizedClientException({ ...meta, message: 'invalid' });
    expect(mapAwsError(error, { hasSessionToken: true }).message).toMatch(/session token/);
  });

  it('tells an unknown region from a network outage when the host does not resolve', () => {
    const dns = nodeError('ENOTFOUND', 'getaddrinfo ENOTFOUND logs.xx-nowhere-9.amazonaws.com');
    expect(mapAwsError(dns, { region: 'xx-nowhere-9' }).code).toBe('AWS_UNKNOWN_REGION');
    expect(mapAwsError(dns, { region: 'eu-west-1' })).toMatchObject({
      code: 'AWS_NETWORK',
      message: expect.stringContaining('logs.eu-west-1.amazonaws.com'),
    });
    expect(mapAwsError(dns, { region: 'xx-nowhere-9', endpoint: 'http://logs.internal:4566' })).toMatchObject({
      code: 'AWS_NETWORK',
      hint: expect.stringMatching(/endpoint/),
    });
    expect(mapAwsError(new Error('Region not accepted: region="x y" is not a valid hostname component.')).code).toBe('AWS_UNKNOWN_REGION');
  });

  it.each([
    nodeError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:9'),
    nodeError('ECONNRESET', 'socket hang up'),
    nodeError('ETIMEDOUT', 'connect ETIMEDOUT'),
    nodeError('EAI_AGAIN', 'getaddrinfo EAI_AGAIN logs.us-east-1.amazonaws.com'),
    Object.assign(new Error('socket hang up'), {}),
    Object.assign(new Error('a request has exceeded the configured 1500 ms requestTimeout'), { name: 'TimeoutError' }),
  ])('reports %s as the network being unreachable', (error) => {
    expect(mapAwsError(error, { region: 'us-east-1' }).code).toBe('AWS_NETWORK');
  });

  it('maps credential-provider failures to what to run next', () => {
    const missing = Object.assign(new Error('Profile nope was not found.'), { name: 'CredentialsProviderError' });
    expect(mapAwsError(missing, { profile: 'nope' })).toMatchObject({
      code: 'AWS_CREDENTIALS_MISSING',
      message: expect.stringContaining('"nope"'),
    });
    const sso = Object.assign(
      new Error(
        'The SSO session associated with this profile has expired. To refresh this SSO session run aws sso login with the corresponding profile.',
      ),
      {
        name: 'CredentialsProviderError',
      },
    );
    expect(mapAwsError(sso, { profile: 'dev-sso' })).toMatchObject({
      code: 'AWS_EXPIRED_TOKEN',
      hint: 'Run: aws sso login --profile dev-sso',
    });
  });

  it('passes AppErrors through and turns aborts into CANCELLED', () => {
    const own = new AppError('KEYCHAIN_UNAVAILABLE', 'no keychain', 'install one');
    expect(mapAwsError(own)).toBe(own);
    expect(mapAwsError(Object.assign(new Error('aborted'), { name: 'AbortError' })).code).toBe('CANCELLED');
  });

  it('never lets a known secret through, whatever the server or a provider said', () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    const echoed = serviceError('SomethingOdd', `weird: ${secret}`);
    const mapped = mapAwsError(echoed, { redact: [secret] });
    expect(mapped.code).toBe('AWS_ERROR');
    expect(`${mapped.message}${mapped.hint}`).not.toContain(secret);
    expect(mapped.message).toContain('[redacted]');
  });

  it('keeps unknown failures readable without inventing a cause', () => {
    const mapped = mapAwsError(serviceError('InvalidParameterException', '1 validation error detected'), {});
    expect(mapped).toMatchObject({ code: 'AWS_ERROR', message: expect.stringContaining('InvalidParameterException: 1 validation error') });
    expect(mapAwsError('a string', {}).code).toBe('AWS_ERROR');
  });
});
