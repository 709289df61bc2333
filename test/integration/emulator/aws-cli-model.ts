import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The CloudWatch Logs model Debian's AWS CLI 2.9 ships (botocore's loader reads it from here). */
export const CLI_LOGS_MODEL = '/usr/lib/python3/dist-packages/awscli/botocore/data/logs/2014-03-28/service-2.json';

interface Model {
  shapes: Record<string, { members?: Record<string, { shape: string }> } & Record<string, unknown>>;
}

/**
 * The CLI's own model plus the GetQueryResults members today's service model has and the 2.9
 * model predates (`nextToken` ≤ 1,024 chars, "expires after 1 hour"; `maxItems` 0..10,000), written
 * under `dir` for the CLI's AWS_DATA_PATH. The CLI then generates its own `--next-token` and
 * `--max-items` options from them, as current CLI releases do; its serializer, parser and signer
 * stay its own. Members the installed model already has are left as they are.
 */
export function cliDataPathWithQueryPaging(dir: string): string {
  const model = JSON.parse(readFileSync(CLI_LOGS_MODEL, 'utf8')) as Model;
  const { shapes } = model;
  shapes['GetQueryResultsNextToken'] ??= { type: 'string', max: 1024 };
  shapes['GetQueryResultsMaxItems'] ??= { type: 'integer', min: 0, max: 10_000 };
  const request = shapes['GetQueryResultsRequest']!.members!;
  const response = shapes['GetQueryResultsResponse']!.members!;
  request['nextToken'] ??= { shape: 'GetQueryResultsNextToken' };
  request['maxItems'] ??= { shape: 'GetQueryResultsMaxItems' };
  response['nextToken'] ??= { shape: 'GetQueryResultsNextToken' };
  const target = join(dir, 'logs', '2014-03-28');
  mkdirSync(target, { recursive: true });
  writeFileSync(join(target, 'service-2.json'), JSON.stringify(model));
  return dir;
}
