import { CloudWatchLogsClient, GetQueryResultsCommand, type GetQueryResultsCommandOutput } from '@aws-sdk/client-cloudwatch-logs';
import type { RunningEmulator } from '../../support/cloudwatch-emulator';

export const KEY = { accessKeyId: 'AKIDINTEGRATION01', secretAccessKey: 'integration-secret' };

/** A real SDK client over HTTP. One attempt by default, so error tests see the first answer. */
export function client(
  emu: Pick<RunningEmulator, 'url'>,
  opts: { credentials?: { accessKeyId: string; secretAccessKey: string }; maxAttempts?: number; region?: string } = {},
): CloudWatchLogsClient {
  return new CloudWatchLogsClient({
    endpoint: emu.url,
    region: opts.region ?? 'eu-west-1',
    credentials: opts.credentials ?? KEY,
    maxAttempts: opts.maxAttempts ?? 1,
  });
}

export async function waitForQuery(logs: CloudWatchLogsClient, queryId: string): Promise<GetQueryResultsCommandOutput> {
  for (let i = 0; i < 1000; i++) {
    const r = await logs.send(new GetQueryResultsCommand({ queryId }));
    if (r.status !== 'Scheduled' && r.status !== 'Running') return r;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`query ${queryId} did not finish`);
}

export interface CaughtError {
  name: string;
  message: string;
  status: number | undefined;
  raw: Record<string, unknown>;
}

/** The rejection of an SDK call, reduced to what tests check. */
export async function failure(p: Promise<unknown>): Promise<CaughtError> {
  try {
    await p;
  } catch (e) {
    const err = e as Error & { $metadata?: { httpStatusCode?: number } };
    return { name: err.name, message: err.message, status: err.$metadata?.httpStatusCode, raw: err as unknown as Record<string, unknown> };
  }
  throw new Error('expected the call to fail');
}

export const field = (row: { field?: string; value?: string }[] | undefined, name: string): string | undefined =>
  row?.find((f) => f.field === name)?.value;
