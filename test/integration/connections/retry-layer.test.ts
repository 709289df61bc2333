import { CloudWatchLogsClient, DescribeLogGroupsCommand, StartQueryCommand } from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogsClient } from '../../../main/services/aws/client-factory';
import { DEFAULT_RETRY_POLICY, logsRetryStrategy } from '../../../main/services/aws/retry-strategy';
import type { Connection } from '../../../shared/domain/connection';
import { DEFAULT_CREDENTIAL, startEmulator, type RunningEmulator } from '../../support/cloudwatch-emulator/index';

// The one retry layer, counted where the calls land: the emulator's own operation counters.

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator();
  emulator.putEvents('/app/api', 'main', [{ timestamp: Date.now() - 60_000, message: 'hello' }]);
});
afterAll(() => emulator.stop());
afterEach(() => emulator.setFaults({}));

const fast = { delayScale: 0.01, maxDelayMs: 50 };
const sdkClient = () =>
  new CloudWatchLogsClient({
    region: 'us-east-1',
    endpoint: emulator.url,
    credentials: DEFAULT_CREDENTIAL,
    retryStrategy: logsRetryStrategy(fast),
  });
const calls = (operation: string) => emulator.metrics.operations[operation] ?? 0;

async function failureOf(promise: Promise<unknown>): Promise<{ name?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { name?: string };
  }
  throw new Error('the call succeeded');
}

describe('the retry layer', () => {
  it('spends exactly maxAttempts calls on a request that stays throttled, then gives the error back', async () => {
    emulator.setFaults({ throttle: { DescribeLogGroups: 1 } });
    const before = calls('DescribeLogGroups');
    const client = sdkClient();
    const error = await failureOf(client.send(new DescribeLogGroupsCommand({})));
    client.destroy();
    expect(error.name).toBe('ThrottlingException');
    expect(calls('DescribeLogGroups') - before).toBe(DEFAULT_RETRY_POLICY.maxAttempts);
  });

  it('retries a 503 until it clears, on the same budget', async () => {
    emulator.setFaults({ seed: 3, unavailable: { DescribeLogGroups: 0.5 } });
    const client = sdkClient();
    const output = await client.send(new DescribeLogGroupsCommand({}));
    client.destroy();
    expect(output.logGroups?.map((g) => g.logGroupName)).toContain('/app/api');
  });

  it('leaves LimitExceededException (the account is running too many queries) to the caller at once', async () => {
    emulator.setFaults({ limitExceeded: { count: 3 } });
    const before = calls('StartQuery');
    const client = sdkClient();
    const now = Math.floor(Date.now() / 1000);
    const error = await failureOf(
      client.send(
        new StartQueryCommand({ logGroupNames: ['/app/api'], startTime: now - 3600, endTime: now, queryString: 'fields @message' }),
      ),
    );
    client.destroy();
    expect(error.name).toBe('LimitExceededException');
    expect(calls('StartQuery') - before).toBe(1);
  });

  it('is what a connection client uses, with its attempts configurable', async () => {
    emulator.setFaults({ throttle: { DescribeLogGroups: 1 } });
    const connection: Connection = {
      id: 'c1',
      name: 'profile connection',
      region: 'us-east-1',
      endpoint: emulator.url,
      auth: { kind: 'profile', profile: 'orcw-retry-test' },
      logGroups: ['/app/api'],
    };
    const previous = { file: process.env.AWS_SHARED_CREDENTIALS_FILE, config: process.env.AWS_CONFIG_FILE };
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const dir = mkdtempSync(`${(await import('node:os')).tmpdir()}/orcw-retry-`);
    writeFileSync(
      `${dir}/credentials`,
      `[orcw-retry-test]\naws_access_key_id = ${DEFAULT_CREDENTIAL.accessKeyId}\naws_secret_access_key = ${DEFAULT_CREDENTIAL.secretAccessKey}\n`,
    );
    writeFileSync(`${dir}/config`, '');
    process.env.AWS_SHARED_CREDENTIALS_FILE = `${dir}/credentials`;
    process.env.AWS_CONFIG_FILE = `${dir}/config`;
    try {
      for (const maxAttempts of [undefined, 2]) {
        const before = calls('DescribeLogGroups');
        const client = createLogsClient(connection, { maxAttempts, retry: fast });
        const error = await failureOf(client.send(new DescribeLogGroupsCommand({})));
        client.destroy();
        expect(error.name).toBe('ThrottlingException');
        expect(calls('DescribeLogGroups') - before).toBe(maxAttempts ?? DEFAULT_RETRY_POLICY.maxAttempts);
      }
    } finally {
      process.env.AWS_SHARED_CREDENTIALS_FILE = previous.file;
      process.env.AWS_CONFIG_FILE = previous.config;
      if (previous.file === undefined) delete process.env.AWS_SHARED_CREDENTIALS_FILE;
      if (previous.config === undefined) delete process.env.AWS_CONFIG_FILE;
    }
  });
});
