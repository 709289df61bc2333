// lint-as: main/services/correlation/processing/bad.ts
// expect: no-restricted-imports
import { GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { errorContextOf } from '../../aws/client-factory';

export const read = (group: string) => [new GetLogEventsCommand({ logGroupName: group, logStreamName: 's' }), errorContextOf];
