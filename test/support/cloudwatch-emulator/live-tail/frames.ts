import { EventStreamCodec } from '@smithy/eventstream-codec';

/**
 * The binary event-stream framing (`application/vnd.amazon.eventstream`) StartLiveTail answers
 * with: each frame carries `:message-type` (`event` or `exception`), `:event-type` /
 * `:exception-type` naming the union member of StartLiveTailResponseStream, and a JSON payload.
 */
const toUtf8 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('utf8');
const fromUtf8 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf8'));
const codec = new EventStreamCodec(toUtf8, fromUtf8);

const str = (value: string): { type: 'string'; value: string } => ({ type: 'string', value });

export function eventFrame(eventType: 'sessionStart' | 'sessionUpdate', payload: unknown): Uint8Array {
  return codec.encode({
    headers: { ':message-type': str('event'), ':event-type': str(eventType), ':content-type': str('application/json') },
    body: fromUtf8(JSON.stringify(payload)),
  });
}

export function exceptionFrame(exceptionType: 'SessionTimeoutException' | 'SessionStreamingException', message: string): Uint8Array {
  return codec.encode({
    headers: { ':message-type': str('exception'), ':exception-type': str(exceptionType), ':content-type': str('application/json') },
    body: fromUtf8(JSON.stringify({ message })),
  });
}
