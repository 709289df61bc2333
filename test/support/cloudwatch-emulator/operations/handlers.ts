import type { Handler, StreamingHandler } from '../server/http-server';
import { startLiveTail } from './start-live-tail';
import { filterLogEvents } from './filter-log-events';
import { getLogEvents } from './get-log-events';
import {
  createLogGroup,
  createLogStream,
  deleteRetentionPolicy,
  describeLogGroups,
  describeLogStreams,
  putRetentionPolicy,
} from './groups-streams';
import { putLogEvents } from './put-log-events';
import { getLogRecord, getQueryResults, startQuery, stopQuery } from './queries';

/** The operations the emulator serves; any other X-Amz-Target is UnknownOperationException. */
export const handlers: Record<string, Handler> = {
  CreateLogGroup: createLogGroup,
  CreateLogStream: createLogStream,
  PutLogEvents: putLogEvents,
  DescribeLogGroups: describeLogGroups,
  DescribeLogStreams: describeLogStreams,
  PutRetentionPolicy: putRetentionPolicy,
  DeleteRetentionPolicy: deleteRetentionPolicy,
  StartQuery: startQuery,
  GetQueryResults: getQueryResults,
  StopQuery: stopQuery,
  GetLogRecord: getLogRecord,
  GetLogEvents: getLogEvents,
  FilterLogEvents: filterLogEvents,
};

/** Operations answered with an event stream. */
export const streamingHandlers: Record<string, StreamingHandler> = {
  StartLiveTail: startLiveTail,
};
