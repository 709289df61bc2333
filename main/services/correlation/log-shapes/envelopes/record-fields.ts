import type { EventFields } from '../../../../../shared/domain/log-parts';
import type { JsonObject } from '../json-record';
import { addField } from './fields';

// Where structured loggers and AWS Lambda name the request and the logger.
const REQUEST_ID_KEYS = ['requestId', 'request_id', 'aws_request_id', 'AWSRequestId'];
const LOGGER_KEYS = ['logger', 'logger_name', 'loggerName'];

/** The request and logger a JSON record names, as fields. */
export function recordFields(record: JsonObject, fields: EventFields): void {
  for (const key of REQUEST_ID_KEYS) if (key in record) addField(fields, 'requestId', record[key]);
  for (const key of LOGGER_KEYS) if (key in record) addField(fields, 'logger', record[key]);
  // Python's logging calls the logger `name` (python-json-logger keeps it); elsewhere `name` is the app's.
  if ('levelname' in record) addField(fields, 'logger', record.name);
}
