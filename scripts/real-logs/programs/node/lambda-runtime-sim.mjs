/**
 * A simulation of what AWS Lambda's Node.js runtime (aws-lambda-nodejs-runtime-interface-client)
 * does around a handler, for the corpus only: it is no part of AWS. Facts it follows (its
 * LogPatch.js and Errors.js):
 * - console.log/info → INFO, debug → DEBUG, warn → WARN, error → ERROR, trace → TRACE;
 * - text: "<ISO time>\t<request id>\t<LEVEL>\t<util.format(args)>" — one telemetry frame per call
 *   (multi-line messages stay whole), or on stdout with every "\n" turned into "\r";
 * - JSON: {timestamp, level, requestId, message}; one Error argument becomes
 *   {errorType, errorMessage, stackTrace: stack lines, ...own properties} as the message; with
 *   more arguments the message is util.format'ed and errorType/errorMessage/stackTrace are added;
 * - an unhandled error: text "Invoke Error \t" + JSON of {errorType, errorMessage, code, ...own
 *   properties, stack: lines}; JSON format: console.error(error);
 * - telemetry frames: 4-byte type (0xa55a0003 | level mask for text, 0xa55a0002 | mask for JSON),
 *   4-byte length, 8-byte timestamp (µs), message, big-endian.
 * Markers for the corpus go into the frame file as frames of type 0 (never a real frame type).
 */
import fs from 'node:fs';
import util from 'node:util';
import { randomUUID } from 'node:crypto';
import * as truth from './corpus-truth.mjs';
import { handler } from './lambda-handler.mjs';

const JSON_FORMAT = (process.env.AWS_LAMBDA_LOG_FORMAT ?? '').toUpperCase() === 'JSON';
const framesFd = process.env.CORPUS_LAMBDA_FRAMES ? fs.openSync(process.env.CORPUS_LAMBDA_FRAMES, 'a') : undefined;
const LEVELS = { TRACE: 0b00100, DEBUG: 0b01000, INFO: 0b01100, WARN: 0b10000, ERROR: 0b10100, FATAL: 0b11000 };
let requestId = '';

function frame(type, message) {
  const body = Buffer.from(message, 'utf8');
  const head = Buffer.alloc(16);
  head.writeUInt32BE(type >>> 0, 0);
  head.writeInt32BE(body.length, 4);
  head.writeBigInt64BE(BigInt(Date.now()) * 1000n, 8);
  fs.writeSync(framesFd, head);
  fs.writeSync(framesFd, body);
}

function errorJson(error) {
  return {
    errorType: error?.constructor?.name ?? 'UnknownError',
    errorMessage: error.message,
    stackTrace: typeof error.stack === 'string' ? error.stack.split('\n') : error.stack,
    ...error,
  };
}

function jsonLine(level, args) {
  const result = { timestamp: new Date().toISOString(), level, requestId };
  if (args.length === 1) {
    result.message = args[0];
    return JSON.stringify(result, (_key, value) => (value instanceof Error ? errorJson(value) : value));
  }
  result.message = util.format(...args);
  const error = args.find((arg) => arg instanceof Error);
  if (error !== undefined)
    Object.assign(result, {
      errorType: error.constructor?.name ?? 'UnknownError',
      errorMessage: error.message,
      stackTrace: error.stack.split('\n'),
    });
  return JSON.stringify(result);
}

function log(level, args) {
  const line = JSON_FORMAT ? jsonLine(level, args) : `${new Date().toISOString()}\t${requestId}\t${level}\t${util.format(...args)}`;
  if (framesFd === undefined) process.stdout.write(`${line.replace(/\n/g, '\r')}\n`);
  else frame(((JSON_FORMAT ? 0xa55a0002 : 0xa55a0003) | LEVELS[level]) >>> 0, JSON_FORMAT ? line : `${line}\n`);
}

console.trace = (...args) => log('TRACE', args);
console.debug = (...args) => log('DEBUG', args);
console.info = (...args) => log('INFO', args);
console.log = console.info;
console.warn = (...args) => log('WARN', args);
console.error = (...args) => log('ERROR', args);

function withEnumerable(value) {
  if (!(value instanceof Error)) return value;
  const out = { errorType: value.name, errorMessage: value.message, code: value.code, ...value };
  if (typeof value.stack === 'string') out.stack = value.stack.split('\n');
  return out;
}

async function main() {
  if (framesFd !== undefined) truth.onMarker((marker) => frame(0, marker));
  for (const request of truth.requests()) {
    requestId = randomUUID();
    truth.note({ kind: 'lambda-request', n: request.n, requestId });
    try {
      await handler({ ...request });
    } catch (error) {
      // `cause` is not enumerable, so neither format carries the chain into the log.
      truth.call('error', { error, causesPrinted: false });
      if (JSON_FORMAT) console.error(error);
      else console.error('Invoke Error', `\t${JSON.stringify(error, (_key, value) => withEnumerable(value))}`);
    }
  }
}

void main();
