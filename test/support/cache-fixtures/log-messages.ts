import type { Level } from '../../../shared/domain/correlation';
import type { Rng } from './prng';

/**
 * Realistic backend log lines for cache tests and benchmarks: access logs, structured JSON,
 * multi-line stack traces (Node, Python, Java), non-ASCII text, request IDs and numbers that
 * make most lines unique — so index sizes and search speeds measured on them mean something.
 */
export interface GeneratedMessage {
  level: Level;
  message: string;
  json?: Record<string, unknown>;
  /** Set for errors: which error group the line belongs to. */
  error?: { type: string; title: string; stack: string; frames: string[] };
}

const services = ['orders', 'checkout', 'payments', 'users', 'inventory', 'search', 'auth', 'shipping', 'notifications'];
const verbs = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'];
const statuses = [200, 200, 200, 201, 204, 301, 400, 401, 403, 404, 409, 422, 500, 502, 503];
const words = [
  'created',
  'updated',
  'processed',
  'enqueued',
  'retrying',
  'completed',
  'started',
  'cache miss',
  'cache hit',
  'validated',
  'rejected',
  'published',
  'consumed',
  'scheduled',
  'skipped',
  'loaded',
  'flushed',
  'synced',
];
const nouns = ['order', 'cart', 'invoice', 'payment intent', 'user profile', 'session', 'webhook', 'refund', 'coupon', 'shipment'];
const intl = [
  'Zahlung für Kunde Müller fehlgeschlagen',
  'Paiement refusé pour la commande',
  '注文の処理に失敗しました',
  'Оплата отклонена',
  '🚀 deployment finished',
  'pedido recebido com sucesso',
];
const errorKinds = [
  { type: 'TypeError', title: "Cannot read properties of undefined (reading 'id')", lang: 'node' },
  { type: 'ECONNREFUSED', title: 'connect ECONNREFUSED 10.0.3.17:5432', lang: 'node' },
  { type: 'TimeoutError', title: 'Operation timed out after 30000 ms', lang: 'node' },
  { type: 'KeyError', title: "KeyError: 'customer_id'", lang: 'python' },
  { type: 'ValueError', title: 'ValueError: invalid literal for int() with base 10', lang: 'python' },
  { type: 'NullPointerException', title: 'java.lang.NullPointerException: Cannot invoke "Order.getTotal()"', lang: 'java' },
  { type: 'SQLTransientConnectionException', title: 'HikariPool-1 - Connection is not available, request timed out', lang: 'java' },
] as const;

function uuid(rng: Rng): string {
  const h = rng.hex(32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
}

function stackFor(kind: (typeof errorKinds)[number], rng: Rng, service: string): { stack: string; frames: string[] } {
  const depth = rng.between(4, 14);
  const frames: string[] = [];
  for (let i = 0; i < depth; i += 1) {
    const fn = `${rng.pick(nouns).replace(' ', '')}${rng.pick(['Service', 'Handler', 'Repository', 'Controller'])}`;
    if (kind.lang === 'node')
      frames.push(
        `at ${fn}.${rng.pick(['create', 'load', 'handle', 'run'])} (/app/src/${service}/${fn}.ts:${rng.between(10, 400)}:${rng.between(3, 60)})`,
      );
    else if (kind.lang === 'python')
      frames.push(
        `File "/srv/${service}/${fn.toLowerCase()}.py", line ${rng.between(10, 400)}, in ${rng.pick(['handle', 'process', 'get'])}`,
      );
    else frames.push(`at com.shop.${service}.${fn}.${rng.pick(['execute', 'apply', 'call'])}(${fn}.java:${rng.between(10, 400)})`);
  }
  const head = kind.lang === 'python' ? 'Traceback (most recent call last):' : `${kind.type}: ${kind.title}`;
  const indent = kind.lang === 'python' ? '  ' : '    ';
  const tail = kind.lang === 'python' ? `\n${kind.title}` : '';
  return { stack: `${head}\n${frames.map((f) => indent + f).join('\n')}${tail}`, frames };
}

export function generateMessage(rng: Rng, tag: string): GeneratedMessage {
  const service = rng.pick(services);
  const roll = rng.next();
  if (roll < 0.08) {
    const kind = rng.pick(errorKinds);
    const { stack, frames } = stackFor(kind, rng, service);
    const level: Level = rng.chance(0.1) ? 'fatal' : 'error';
    const message = `${level.toUpperCase()} ${tag} requestId=${uuid(rng)} ${stack}`;
    return { level, message, error: { type: kind.type, title: kind.title, stack, frames } };
  }
  if (roll < 0.45) {
    const json: Record<string, unknown> = {
      level: rng.pick(['info', 'info', 'debug', 'warn']),
      msg: `${rng.pick(nouns)} ${rng.pick(words)}`,
      service,
      requestId: uuid(rng),
      userId: rng.int(5_000_000),
      durationMs: Math.round(rng.next() * 250_000) / 100,
      openReplaySessionToken: tag,
    };
    if (rng.chance(0.3))
      json.items = Array.from({ length: rng.between(1, 4) }, () => ({ sku: `SKU-${rng.hex(6)}`, qty: rng.between(1, 9) }));
    if (rng.chance(0.1)) json.note = rng.pick(intl);
    const level = json.level as Level;
    const text = JSON.stringify(json);
    // Some pipelines prefix JSON with a tag; then `json` is parsed from the tail, not the whole line.
    return rng.chance(0.2) ? { level, message: `[openReplaySessionToken=${tag}] ${text}`, json } : { level, message: text, json };
  }
  if (roll < 0.8) {
    const status = rng.pick(statuses);
    const path = `/api/v${rng.between(1, 3)}/${service}/${rng.int(100_000)}${rng.chance(0.3) ? `/items/${rng.hex(8)}` : ''}`;
    const level: Level = status >= 500 ? 'warn' : 'info';
    return {
      level,
      message: `${rng.pick(verbs)} ${path} ${status} ${rng.between(1, 2500)}ms requestId=${uuid(rng)} [openReplaySessionToken=${tag}]`,
    };
  }
  const level: Level = rng.pick(['info', 'debug', 'warn', 'unknown']);
  const text = rng.chance(0.15) ? rng.pick(intl) : `${rng.pick(nouns)} ${rng.pick(words)}`;
  return {
    level,
    message: `${level.toUpperCase()} [${service}] ${text} id=${rng.hex(12)} attempt=${rng.between(1, 5)} openReplaySession.id=${tag}`,
  };
}
