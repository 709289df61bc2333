import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { EmulatorCredential } from '../types';
import { AwsError } from './aws-error';

export interface SignedRequest {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface Caller {
  credential: EmulatorCredential;
  region: string;
}

/** AWS refuses signatures more than 15 minutes away from its clock. */
const MAX_SKEW_MS = 15 * 60 * 1000;

/**
 * Verifies a SigV4 `Authorization` header by re-signing the request with the SDK's own signer
 * (restricted to the headers the client says it signed) and comparing signatures.
 */
export async function verifySigV4(
  req: SignedRequest,
  credentials: ReadonlyMap<string, EmulatorCredential>,
  now = Date.now(),
): Promise<Caller> {
  const auth = header(req.headers, 'authorization');
  if (auth === undefined) throw new AwsError('MissingAuthenticationTokenException', 'Missing Authentication Token');
  const parsed = parseAuthorization(auth);
  const credential = credentials.get(parsed.accessKeyId);
  if (credential === undefined) throw new AwsError('UnrecognizedClientException', 'The security token included in the request is invalid.');
  if (parsed.service !== 'logs') throw invalidSignature(`Credential should be scoped to correct service: 'logs'. `);
  const amzDate = header(req.headers, 'x-amz-date');
  const signingDate = amzDate === undefined ? undefined : parseAmzDate(amzDate);
  if (signingDate === undefined)
    throw new AwsError(
      'IncompleteSignatureException',
      "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
    );
  if (amzDate!.slice(0, 8) !== parsed.date) {
    throw invalidSignature(
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${parsed.date}' != '${amzDate!.slice(0, 8)}', from '${amzDate}'.`,
    );
  }
  if (Math.abs(now - signingDate.getTime()) > MAX_SKEW_MS) {
    throw invalidSignature(
      `Signature expired: ${amzDate} is now earlier than ${formatAmzDate(new Date(now - MAX_SKEW_MS))} (${formatAmzDate(new Date(now))} - 15 min.)`,
    );
  }
  // The signer trusts a declared payload hash; the service checks it against the real body.
  const declared = header(req.headers, 'x-amz-content-sha256');
  if (declared !== undefined && declared !== createHash('sha256').update(req.body).digest('hex')) {
    throw invalidSignature(
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    );
  }
  const headers: Record<string, string> = {};
  for (const name of parsed.signedHeaders) {
    const value = header(req.headers, name);
    if (value === undefined)
      throw invalidSignature(
        `The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.`,
      );
    headers[name] = value;
  }
  const request = new HttpRequest({
    method: req.method,
    protocol: 'http:',
    hostname: 'localhost',
    path: req.path,
    query: req.query,
    headers,
    body: req.body,
  });
  const signer = new SignatureV4({
    credentials: { accessKeyId: credential.accessKeyId, secretAccessKey: credential.secretAccessKey },
    region: parsed.region,
    service: 'logs',
    sha256: Sha256,
    applyChecksum: false,
  });
  const signed = await signer.sign(request, {
    signingDate,
    signingRegion: parsed.region,
    signingService: 'logs',
    signableHeaders: new Set(parsed.signedHeaders),
  });
  const expected = /Signature=([0-9a-f]{64})/.exec(String(signed.headers['authorization']))?.[1] ?? '';
  if (!sameHex(expected, parsed.signature)) {
    throw invalidSignature(
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    );
  }
  return { credential, region: parsed.region };
}

interface ParsedAuthorization {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

function parseAuthorization(value: string): ParsedAuthorization {
  const algorithm = 'AWS4-HMAC-SHA256 ';
  if (!value.startsWith(algorithm))
    throw new AwsError(
      'IncompleteSignatureException',
      `Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' with algorithm AWS4-HMAC-SHA256.`,
    );
  const parts = new Map<string, string>();
  for (const piece of value.slice(algorithm.length).split(',')) {
    const eq = piece.indexOf('=');
    if (eq > 0) parts.set(piece.slice(0, eq).trim(), piece.slice(eq + 1).trim());
  }
  const credential = parts.get('Credential');
  const signedHeaders = parts.get('SignedHeaders');
  const signature = parts.get('Signature');
  const scope = credential?.split('/') ?? [];
  if (
    credential === undefined ||
    signedHeaders === undefined ||
    signature === undefined ||
    scope.length !== 5 ||
    scope[4] !== 'aws4_request'
  ) {
    throw new AwsError(
      'IncompleteSignatureException',
      `Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters.`,
    );
  }
  const [accessKeyId, date, region, service] = scope as [string, string, string, string, string];
  return { accessKeyId, date, region, service, signedHeaders: signedHeaders.split(';').map((h) => h.toLowerCase()), signature };
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v.join(',') : v;
}

function parseAmzDate(s: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(s);
  if (m === null) return undefined;
  const [, y, mo, d, h, mi, se] = m.map(Number) as number[];
  return new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, se!));
}

function formatAmzDate(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function sameHex(a: string, b: string): boolean {
  return a.length === b.length && a.length > 0 && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

function invalidSignature(message: string): AwsError {
  return new AwsError('InvalidSignatureException', message);
}
