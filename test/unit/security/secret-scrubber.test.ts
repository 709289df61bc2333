import { CloudWatchLogsServiceException } from '@aws-sdk/client-cloudwatch-logs';
import { describe, expect, it } from 'vitest';
import { mapAwsError } from '../../../main/services/aws/aws-errors';
import { REDACTED, scrubAndClip, scrubErrorValue, scrubRunFailures, scrubSecrets } from '../../../main/services/security/secret-scrubber';

// Secret-shaped values: AWS's documented example key pair, and an STS-style session token.
const SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const STS_TOKEN = `IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQD${'a1B2c3D4e5F6g7H8'.repeat(20)}==`;
/** Not shaped like anything: only the known-values list can catch it. */
const PLAIN_SECRET = 'correct-horse-battery-staple';

/** Every piece of `secret` at least `length` long that appears in `text`. */
function pieces(text: string, secret: string, length = 6): string[] {
  const found: string[] = [];
  for (let i = 0; i + length <= secret.length; i += 1)
    if (text.includes(secret.slice(i, i + length))) found.push(secret.slice(i, i + length));
  return found;
}

const serviceError = (message: string) =>
  new CloudWatchLogsServiceException({ name: 'SomethingOdd', message, $fault: 'client', $metadata: { httpStatusCode: 400 } });

describe('scrubSecrets', () => {
  it('removes known values and secret-shaped text (keys, key IDs, session tokens, named fields, signatures)', () => {
    const text = [
      `plain ${PLAIN_SECRET}`,
      `key ${SECRET_KEY}`,
      `id ${ACCESS_KEY_ID} temporary ASIAY34FZKBOKMUTVV7A`,
      `token ${STS_TOKEN}`,
      'aws_secret_access_key = abc123def',
      '"SessionToken": "shortbutnamed"',
      'x-amz-security-token: tokvalue',
      'Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20240101/us-east-1/logs/aws4_request, SignedHeaders=host, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7',
      'password=hunter2',
    ].join('\n');
    const clean = scrubSecrets(text, [PLAIN_SECRET]);
    for (const secret of [
      PLAIN_SECRET,
      SECRET_KEY,
      ACCESS_KEY_ID,
      'ASIAY34FZKBOKMUTVV7A',
      STS_TOKEN,
      'abc123def',
      'shortbutnamed',
      'tokvalue',
      '5d672d79c15b',
      'hunter2',
    ]) {
      expect([secret, pieces(clean, secret)]).toEqual([secret, []]);
    }
    expect(clean).toContain(`plain ${REDACTED}`);
    expect(clean).toContain('aws_secret_access_key = [redacted]');
  });

  it('keeps what is not secret: log groups, session IDs and OpenReplay tokens, request IDs, digests, ordinary prose', () => {
    const text = [
      'Not found in CloudWatch Logs: /aws/lambda/payments-api-prod-HandlerFunction-1A2B3C4D (log group /ecs/web)',
      'session 2618307011354435587, token jw4wdfpgqhoj.3az.lrraavgc.5Kd3NBUAdUnhyzenEwVLy9pBKxSwXvE9FMPyR4UKZvpe',
      'request 6f1c2b9e-3a4d-4e5f-8a9b-0c1d2e3f4a5b, commit 3f786850e387550fdab836ed7e6dc881de23001b',
      'The request signature we calculated does not match the signature you provided.',
      'Paste the secret access key again (it is shown only once when the key is created).',
    ].join('\n');
    expect(scrubSecrets(text)).toBe(text);
  });

  it('cuts only after scrubbing: no piece of a secret survives at any cut position', () => {
    for (const secret of [SECRET_KEY, ACCESS_KEY_ID, STS_TOKEN, PLAIN_SECRET]) {
      const text = `before ${secret} after`;
      for (let max = 0; max <= text.length + 1; max += 1) {
        const clipped = scrubAndClip(text, max, [PLAIN_SECRET]);
        expect(clipped.length).toBeLessThanOrEqual(Math.max(1, max));
        expect([max, pieces(clipped, secret)]).toEqual([max, []]);
      }
    }
  });

  it('scrubs error values and run failures without touching the rest', () => {
    const failure = {
      connectionId: 'c-1',
      connection: 'prod',
      logGroups: ['/a'],
      code: 'AWS_ERROR' as const,
      message: `bad ${SECRET_KEY}`,
      hint: `try ${PLAIN_SECRET}`,
    };
    expect(scrubErrorValue(failure, [PLAIN_SECRET])).toEqual({ ...failure, message: `bad ${REDACTED}`, hint: `try ${REDACTED}` });
    const clean = { code: 'AWS_ERROR' as const, message: 'fine', hint: 'fine' };
    expect(scrubErrorValue(clean)).toBe(clean);
    const result = { failures: [failure], other: 1 };
    expect(scrubRunFailures(result).failures[0]!.message).toBe(`bad ${REDACTED}`);
    expect(scrubRunFailures({ failures: [clean] }).failures[0]).toBe(clean);
  });
});

describe('mapAwsError keeps no piece of a secret a server echoed, wherever the 300-character cut falls', () => {
  it.each([
    ['a known secret (the connection’s own)', PLAIN_SECRET, [PLAIN_SECRET]],
    ['a secret access key nobody told it about', SECRET_KEY, []],
    ['an STS session token', STS_TOKEN, []],
    ['an access key ID', ACCESS_KEY_ID, []],
  ])('%s', (_what, secret, known) => {
    for (let inside = 0; inside <= secret.length; inside += 1) {
      // The secret starts `inside` characters before the cut.
      const message = `${'x'.repeat(Math.max(0, 300 - inside))} ${secret} and more`;
      const mapped = mapAwsError(serviceError(message), { redact: known });
      expect(mapped.code).toBe('AWS_ERROR');
      expect([inside, pieces(`${mapped.message}\n${mapped.hint}`, secret)]).toEqual([inside, []]);
    }
  });
});
