import { randomUUID } from 'node:crypto';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { OperationContext, EmulatorState } from '../state';
import { AwsError } from './aws-error';
import { Input } from './input';
import { verifySigV4 } from './sigv4';

export type Handler = (input: Input, ctx: OperationContext) => unknown;
/** An operation whose answer is an event stream: it writes the response itself (StartLiveTail). */
export type StreamingHandler = (input: Input, ctx: OperationContext, res: ServerResponse, requestId: string) => void;

const TARGET_PREFIX = 'Logs_20140328.';
/** Far above any legal request (PutLogEvents tops out at 1 MiB of messages). */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

/** The awsJson1_1 endpoint: POST /, X-Amz-Target names the operation, SigV4 on every call. */
export function createLogsServer(
  state: EmulatorState,
  handlers: Record<string, Handler>,
  streaming: Record<string, StreamingHandler> = {},
): Server {
  return createServer((req, res) => {
    handle(state, handlers, streaming, req, res).catch((e: unknown) => {
      process.stderr.write(`cloudwatch-emulator: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      send(res, new AwsError('InternalFailure', 'The request processing has failed because of an unknown error.', 500));
    });
  });
}

async function handle(
  state: EmulatorState,
  handlers: Record<string, Handler>,
  streaming: Record<string, StreamingHandler>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const body = await readBody(req);
  if (body === undefined) {
    send(res, new AwsError('SerializationException', 'Request body too large', 413));
    return;
  }
  const url = new URL(req.url ?? '/', 'http://localhost');
  const target = String(req.headers['x-amz-target'] ?? '');
  const operation = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : '';
  if (operation !== '') state.operations[operation] = (state.operations[operation] ?? 0) + 1;
  try {
    if (req.method !== 'POST' || url.pathname !== '/') throw new AwsError('UnknownOperationException', 'Only POST / is served', 404);
    const query: Record<string, string | string[]> = {};
    for (const [k, v] of url.searchParams) query[k] = v;
    const caller = await verifySigV4({ method: req.method, path: url.pathname, query, headers: req.headers, body }, state.credentials);
    const handler = handlers[operation];
    const streamer = streaming[operation];
    if (handler === undefined && streamer === undefined)
      throw new AwsError('UnknownOperationException', `Unknown operation ${target || '(no X-Amz-Target)'}`);
    if (caller.credential.deny?.includes(operation)) {
      const user = `arn:aws:iam::${state.accountId}:user/${caller.credential.accessKeyId}`;
      throw new AwsError(
        'AccessDeniedException',
        `User: ${user} is not authorized to perform: logs:${operation} because no identity-based policy allows the logs:${operation} action`,
      );
    }
    if (state.faults.extraLatencyMs > 0) await delay(state.faults.extraLatencyMs);
    const fault = state.faults.decide(operation);
    if (fault === 'drop') {
      req.socket.destroy();
      return;
    }
    if (fault === 'unavailable') throw new AwsError('ServiceUnavailableException', 'The service cannot complete the request.', 503);
    if (fault === 'throttle') throw new AwsError('ThrottlingException', 'Rate exceeded');
    const input = new Input(parseJson(body));
    if (streamer !== undefined) {
      streamer(input, { state, caller, now: state.clock.now() }, res, randomUUID());
      return;
    }
    const result = handler!(input, { state, caller, now: state.clock.now() });
    sendJson(res, 200, JSON.stringify(result ?? {}));
  } catch (e) {
    if (!(e instanceof AwsError)) throw e;
    send(res, e);
  }
}

function parseJson(body: Buffer): Record<string, unknown> {
  if (body.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    throw new AwsError('SerializationException', 'Start of structure or map found where not expected.');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new AwsError('SerializationException', 'Request body must be a JSON object.');
  return parsed as Record<string, unknown>;
}

function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(c);
    });
    req.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, e: AwsError): void {
  if (res.headersSent || res.destroyed) return;
  sendJson(res, e.status, e.body(), e.type);
}

function sendJson(res: ServerResponse, status: number, json: string, errorType?: string): void {
  const payload = Buffer.from(json, 'utf8');
  res.writeHead(status, {
    'content-type': 'application/x-amz-json-1.1',
    'content-length': payload.length,
    'x-amzn-requestid': randomUUID(),
    ...(errorType === undefined ? {} : { 'x-amzn-errortype': errorType }),
  });
  res.end(payload);
}

function delay(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
