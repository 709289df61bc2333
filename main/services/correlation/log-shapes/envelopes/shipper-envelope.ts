import type { EventFields } from '../../../../../shared/domain/log-parts';
import { isObject, type JsonObject } from '../json-record';
import { addField, addFields } from './fields';

/** What a shipper wrapped around a line: the line itself (text or its parsed JSON) and the shipper's metadata. */
export interface Unwrapped {
  /** The line as the program printed it (without the newline the shipper kept). */
  log: string;
  /** The line parsed by the shipper itself (Fluent Bit's `Merge_Log` under `log_processed`). */
  parsed?: JsonObject;
  fields: EventFields;
}

const STREAMS = new Set(['stdout', 'stderr']);

/**
 * The shippers' records around a line, all of which carry it as the string `log`:
 * - Fluent Bit's kubernetes filter (EKS, Container Insights): `kubernetes: {pod_name,
 *   namespace_name, container_name, host, labels…}` beside `log` and the CRI `stream`; with
 *   `Merge_Log` the parsed line is under `Merge_Log_Key` (Container Insights: `log_processed`)
 *   or merged at the top level, and `log` may be kept or not.
 * - ECS FireLens (the fluentd log driver's record plus ECS metadata): `container_id`,
 *   `container_name`, `source` (stdout/stderr), `ecs_cluster`, `ecs_task_arn`, `ecs_task_definition`.
 * - Docker's json-file driver (as the CloudWatch agent reads it): `{"log", "stream", "time"}`.
 * A program's own JSON with a `log` field is none of these: an envelope also names a stream,
 * a container or its Kubernetes pod.
 */
export function unwrapShipper(json: JsonObject): Unwrapped | undefined {
  const log = json.log;
  const kubernetes = isObject(json.kubernetes) ? json.kubernetes : undefined;
  const stream = typeof json.stream === 'string' ? json.stream : typeof json.source === 'string' ? json.source : undefined;
  const container = typeof json.container_name === 'string' || typeof json.container_id === 'string';
  if (typeof log !== 'string' || !(kubernetes || container || (stream !== undefined && STREAMS.has(stream)))) return undefined;
  const fields: EventFields = {};
  if (kubernetes) {
    addFields(fields, kubernetes, { pod_name: 'pod', namespace_name: 'namespace', container_name: 'container', host: 'host' });
    if (isObject(kubernetes.labels))
      for (const [name, value] of Object.entries(kubernetes.labels)) addField(fields, `label.${name}`, value);
  }
  addFields(fields, json, {
    container_name: 'container',
    container_id: 'containerId',
    ecs_cluster: 'cluster',
    ecs_task_definition: 'taskDefinition',
  });
  // The task's ID is the last part of its ARN: `arn:aws:ecs:<region>:<account>:task/<cluster>/<id>`.
  if (typeof json.ecs_task_arn === 'string') addField(fields, 'task', json.ecs_task_arn.slice(json.ecs_task_arn.lastIndexOf('/') + 1));
  if (stream !== undefined) addField(fields, 'stream', stream);
  const unwrapped: Unwrapped = { log: log.replace(/\r?\n$/, ''), fields };
  if (isObject(json.log_processed)) unwrapped.parsed = json.log_processed;
  return unwrapped;
}
