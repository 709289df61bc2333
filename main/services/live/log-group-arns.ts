import { DescribeLogGroupsCommand, type CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { AppError } from '../../../shared/errors';

/** StartLiveTail takes at most 10 log groups, each by its ARN (StartLiveTailLogGroupIdentifiers). */
export const MAX_GROUPS_PER_TAIL = 10;

/**
 * The ARN of each log group (without the `:*` DescribeLogGroups' `arn` ends with: the model says
 * an identifier "can't end with an asterisk"). The account ID is in no connection setting, so it is
 * read from the service. A group name sorts before every longer name it prefixes, so the first page
 * of a prefix listing holds it.
 */
export async function logGroupArns(client: CloudWatchLogsClient, names: readonly string[], signal?: AbortSignal): Promise<string[]> {
  const arns: string[] = [];
  for (const name of names) {
    const page = await client.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: name, limit: 50 }), { abortSignal: signal });
    const group = page.logGroups?.find((g) => g.logGroupName === name);
    const arn = group?.logGroupArn ?? group?.arn?.replace(/:\*$/, '');
    if (arn === undefined)
      throw new AppError(
        'AWS_RESOURCE_NOT_FOUND',
        `Not found in CloudWatch Logs: log group ${name}.`,
        'Check the log group names of the connection and its region.',
      );
    arns.push(arn);
  }
  return arns;
}

/** Groups of at most 10 ARNs: one Live Tail session each. */
export function tailChunks(arns: readonly string[]): string[][] {
  const chunks: string[][] = [];
  for (let i = 0; i < arns.length; i += MAX_GROUPS_PER_TAIL) chunks.push(arns.slice(i, i + MAX_GROUPS_PER_TAIL));
  return chunks;
}
