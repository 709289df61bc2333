import { DescribeLogGroupsCommand, type CloudWatchLogsClient, type LogGroup } from '@aws-sdk/client-cloudwatch-logs';
import type { Connection, ConnectionTestResult, LogGroupInfo, LogGroupPage } from '../../../shared/domain/connection';

/** DescribeLogGroups' maximum page size. */
export const LOG_GROUP_PAGE_SIZE = 50;
/** A connection test counts at most this many pages, so accounts with thousands of groups answer quickly. */
const TEST_PAGE_LIMIT = 10;
/** Configured groups looked up one by one when the count stopped early. */
const TEST_LOOKUP_LIMIT = 20;

export async function describeLogGroupsPage(
  client: CloudWatchLogsClient,
  request: { prefix?: string; nextToken?: string; limit?: number },
): Promise<LogGroupPage> {
  const output = await client.send(
    new DescribeLogGroupsCommand({
      logGroupNamePrefix: request.prefix,
      nextToken: request.nextToken,
      limit: request.limit ?? LOG_GROUP_PAGE_SIZE,
    }),
  );
  const groups: LogGroupInfo[] = [];
  for (const group of output.logGroups ?? []) {
    const info = toInfo(group);
    if (info) groups.push(info);
  }
  return output.nextToken ? { groups, nextToken: output.nextToken } : { groups };
}

function toInfo(group: LogGroup): LogGroupInfo | undefined {
  if (!group.logGroupName) return undefined;
  return {
    name: group.logGroupName,
    ...(group.storedBytes !== undefined && group.storedBytes >= 0 ? { storedBytes: group.storedBytes } : {}),
    ...(group.retentionInDays ? { retentionInDays: group.retentionInDays } : {}),
    ...(group.creationTime !== undefined ? { creationTime: group.creationTime } : {}),
  };
}

/**
 * storedBytes, retention and creation time of the named groups (DescribeLogGroups takes up to 50
 * names per call as logGroupIdentifiers). A group that does not come back is left out.
 */
export async function describeNamedLogGroups(client: CloudWatchLogsClient, names: readonly string[]): Promise<LogGroupInfo[]> {
  const found: LogGroupInfo[] = [];
  for (let i = 0; i < names.length; i += LOG_GROUP_PAGE_SIZE) {
    const output = await client.send(new DescribeLogGroupsCommand({ logGroupIdentifiers: names.slice(i, i + LOG_GROUP_PAGE_SIZE) }));
    for (const group of output.logGroups ?? []) {
      const info = toInfo(group);
      if (info) found.push(info);
    }
  }
  return found;
}

/** Proves the credentials work by listing log groups, and checks the configured ones exist. */
export async function testLogsAccess(client: CloudWatchLogsClient, connection: Connection): Promise<ConnectionTestResult> {
  const seen = new Set<string>();
  let nextToken: string | undefined;
  let pages = 0;
  do {
    const page = await describeLogGroupsPage(client, { nextToken });
    for (const group of page.groups) seen.add(group.name);
    nextToken = page.nextToken;
    pages += 1;
  } while (nextToken && pages < TEST_PAGE_LIMIT);

  const unseen = connection.logGroups.filter((name) => !seen.has(name));
  const missing = nextToken ? await lookUpMissing(client, unseen.slice(0, TEST_LOOKUP_LIMIT)) : unseen;
  const count = `${nextToken ? 'more than ' : ''}${seen.size} log group${seen.size === 1 ? '' : 's'} visible`;
  const configured = connection.logGroups.length;
  let status: string;
  if (configured === 0) status = 'no log groups configured yet';
  else if (missing.length === 0) status = `all ${configured} configured log group${configured === 1 ? '' : 's'} found`;
  else
    status = `not found in ${connection.region}: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''}`;
  return { logGroupsVisible: seen.size, message: `Connected to CloudWatch Logs in ${connection.region}: ${count}; ${status}.` };
}

async function lookUpMissing(client: CloudWatchLogsClient, names: string[]): Promise<string[]> {
  const missing: string[] = [];
  for (const name of names) {
    const page = await describeLogGroupsPage(client, { prefix: name, limit: LOG_GROUP_PAGE_SIZE });
    if (!page.groups.some((group) => group.name === name)) missing.push(name);
  }
  return missing;
}
