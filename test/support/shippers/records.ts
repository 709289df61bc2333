/**
 * Record layouts of the shippers that wrap a log line before CloudWatch Logs gets it: one
 * implementation, used by the real-logs corpus (scripts/real-logs/) and the emulator's traffic
 * generator. Layouts as documented: Fluent Bit's CRI multiline parser (`time`, `stream`, `_p`,
 * `log`) with the kubernetes filter's metadata, `Merge_Log` parsing a JSON line into the
 * `Merge_Log_Key` (`log_processed` in Container Insights); Docker's json-file records; the fluentd
 * log driver record FireLens receives (`container_id`, `container_name`, `source`, `log`) plus the
 * ECS metadata FireLens adds; Lambda's START / END / REPORT lines.
 */

export interface KubernetesMeta {
  pod_name: string;
  namespace_name: string;
  pod_id: string;
  host: string;
  container_name: string;
  docker_id: string;
  container_hash: string;
  container_image: string;
}

export interface EcsMeta {
  ecs_cluster: string;
  ecs_task_arn: string;
  ecs_task_definition: string;
}

/** RFC 3339 with nanoseconds, as container runtimes stamp lines. */
export function rfc3339Nano(ms: number, extraNanos: number): string {
  return `${new Date(ms).toISOString().slice(0, -1)}${String(extraNanos % 1_000_000).padStart(6, '0')}Z`;
}

/** A line that is a JSON object, parsed, as Merge_Log does; anything else stays a string. */
export function jsonObjectOf(text: string): Record<string, unknown> | undefined {
  if (!text.trimStart().startsWith('{')) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export function fluentBitRecord(
  line: { text: string; stream: 'stdout' | 'stderr'; time: string },
  kubernetes: KubernetesMeta,
  mergeLog: boolean,
): string {
  const record: Record<string, unknown> = { time: line.time, stream: line.stream, _p: 'F', log: line.text };
  const merged = mergeLog ? jsonObjectOf(line.text) : undefined;
  if (merged !== undefined) record.log_processed = merged;
  record.kubernetes = kubernetes;
  return JSON.stringify(record);
}

export function dockerJsonRecord(line: { text: string; stream: 'stdout' | 'stderr'; time: string }): string {
  return JSON.stringify({ log: `${line.text}\n`, stream: line.stream, time: line.time });
}

export function fireLensRecord(
  line: { text: string; stream: 'stdout' | 'stderr' },
  containerId: string,
  containerName: string,
  ecs: EcsMeta,
): string {
  return JSON.stringify({ container_id: containerId, container_name: containerName, source: line.stream, log: line.text, ...ecs });
}

export function lambdaStartLine(requestId: string): string {
  return `START RequestId: ${requestId} Version: $LATEST\n`;
}

export function lambdaEndLines(requestId: string, durationMs: number): string[] {
  const ms = durationMs.toFixed(2);
  return [
    `END RequestId: ${requestId}\n`,
    `REPORT RequestId: ${requestId}\tDuration: ${ms} ms\tBilled Duration: ${Math.ceil(durationMs)} ms\tMemory Size: 128 MB\tMax Memory Used: 71 MB\t\n`,
  ];
}

/** The Node.js runtime's text format: `<ISO time>\t<request id>\t<LEVEL>\t<message>`, the message whole. */
export function lambdaNodeText(ms: number, requestId: string, level: string, message: string): string {
  return `${new Date(ms).toISOString()}\t${requestId}\t${level}\t${message}`;
}

/** The Python runtime's text format: `[LEVEL]\t<ISO time>\t<request id>\t<message>\n` (its logging handler's format). */
export function lambdaPythonText(ms: number, requestId: string, level: string, message: string): string {
  return `[${level}]\t${new Date(ms).toISOString()}\t${requestId}\t${message}\n`;
}

/**
 * The Python runtime's record of an unhandled error in the JSON log format: the error's type,
 * message and `traceback.format_list` entries, the time to the second.
 */
export function lambdaPythonUnhandledJson(
  ms: number,
  requestId: string,
  error: { type: string; message: string; stackTrace: string[] },
): string {
  const timestamp = new Date(ms).toISOString().slice(0, 19);
  return pythonJsonDumps({
    timestamp,
    level: 'ERROR',
    errorMessage: error.message,
    errorType: error.type,
    requestId,
    stackTrace: error.stackTrace,
  });
}

/** Python's `json.dumps` with its default separators (`, ` and `: `), for ASCII text. */
export function pythonJsonDumps(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(pythonJsonDumps).join(', ')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}: ${pythonJsonDumps(v)}`)
      .join(', ')}}`;
  return JSON.stringify(value);
}

/**
 * The Node.js runtime's JSON log format for `console.error(text, err)`: the message
 * util.format'ed (the error's stack behind the text), the error's type, message and stack lines.
 */
export function lambdaNodeJson(
  ms: number,
  requestId: string,
  level: string,
  message: string,
  error?: { type: string; message: string; stack: string },
): string {
  const record: Record<string, unknown> = { timestamp: new Date(ms).toISOString(), level, requestId, message };
  if (error !== undefined)
    Object.assign(record, { errorType: error.type, errorMessage: error.message, stackTrace: error.stack.split('\n') });
  return JSON.stringify(record);
}
