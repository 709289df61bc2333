import { parseArgs } from 'node:util';
import type { EmulatorCredential, EmulatorOptions, GenerateOptions } from './types';

export interface CliConfig {
  options: EmulatorOptions;
  seeds: string[];
  generate: GenerateOptions | undefined;
  manifest: string | undefined;
  help: boolean;
}

export const USAGE = `Usage: npm run emulator -- [options]
  --port N                      listen port (default 0 = ephemeral)
  --host H                      loopback address (default 127.0.0.1)
  --account-id ID               12-digit account id (default 123456789012)
  --credentials AKID:SECRET[:deny=Op1+Op2]   accepted key (repeatable)
  --seed FILE                   NDJSON events {logGroup,logStream,timestamp,message} (repeatable)
  --generate k=v,...            sessions=50,days=2,rate=100,seed=42[,heavy=12000][,start=<epoch ms>]
  --manifest FILE               write the generator's ground truth as JSON
  --latency-base-ms N           fixed start cost of every query, ms (default 40)
  --scan-rate-mb-per-s N        scan rate, MB (10^6 bytes) per second: run time grows with
                                bytes scanned (default 2000; 0 = no scan time)
  --scan-rate-bytes N           the same rate in bytes per second
  --max-concurrent-queries N    concurrent query quota (default 100)
  --throttle Op=P               ThrottlingException rate per operation ('*' = all; repeatable)
  --unavailable Op=P            ServiceUnavailableException (503) rate (repeatable)
  --drop Op=P                   dropped-connection rate (repeatable)
  --fault-seed N                seed for fault decisions
  --extra-latency-ms N          delay added to every response`;

export function parseCli(argv: string[]): CliConfig {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'account-id': { type: 'string' },
      credentials: { type: 'string', multiple: true },
      seed: { type: 'string', multiple: true },
      generate: { type: 'string' },
      manifest: { type: 'string' },
      'latency-base-ms': { type: 'string' },
      'scan-rate-bytes': { type: 'string' },
      'scan-rate-mb-per-s': { type: 'string' },
      'max-concurrent-queries': { type: 'string' },
      throttle: { type: 'string', multiple: true },
      unavailable: { type: 'string', multiple: true },
      drop: { type: 'string', multiple: true },
      'fault-seed': { type: 'string' },
      'extra-latency-ms': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const num = (name: string, v: string | undefined): number | undefined => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} needs a non-negative number, got '${v}'`);
    return n;
  };
  const options: EmulatorOptions = {};
  if (values.port !== undefined) options.port = num('port', values.port);
  if (values.host !== undefined) options.host = values.host;
  if (values['account-id'] !== undefined) {
    if (!/^\d{12}$/.test(values['account-id'])) throw new Error('--account-id needs 12 digits');
    options.accountId = values['account-id'];
  }
  if (values.credentials !== undefined) options.credentials = values.credentials.map(parseCredential);
  const base = num('latency-base-ms', values['latency-base-ms']);
  const bytesRate = num('scan-rate-bytes', values['scan-rate-bytes']);
  const mbRate = num('scan-rate-mb-per-s', values['scan-rate-mb-per-s']);
  if (bytesRate !== undefined && mbRate !== undefined)
    throw new Error('--scan-rate-bytes and --scan-rate-mb-per-s set the same rate: give one');
  const rate = mbRate === undefined ? bytesRate : mbRate * 1_000_000;
  if (base !== undefined || rate !== undefined)
    options.queryLatency = { ...(base === undefined ? {} : { baseMs: base }), ...(rate === undefined ? {} : { bytesPerSecond: rate }) };
  const maxQ = num('max-concurrent-queries', values['max-concurrent-queries']);
  if (maxQ !== undefined) options.maxConcurrentQueries = maxQ;
  const faultSeed = num('fault-seed', values['fault-seed']);
  const extra = num('extra-latency-ms', values['extra-latency-ms']);
  const throttle = rates('throttle', values.throttle);
  const unavailable = rates('unavailable', values.unavailable);
  const drop = rates('drop', values.drop);
  if (faultSeed !== undefined || extra !== undefined || throttle || unavailable || drop) {
    options.faults = {
      ...(faultSeed === undefined ? {} : { seed: faultSeed }),
      ...(extra === undefined ? {} : { extraLatencyMs: extra }),
      ...(throttle ? { throttle } : {}),
      ...(unavailable ? { unavailable } : {}),
      ...(drop ? { drop } : {}),
    };
  }
  return {
    options,
    seeds: values.seed ?? [],
    generate: values.generate === undefined ? undefined : parseGenerate(values.generate),
    manifest: values.manifest,
    help: values.help ?? false,
  };
}

export function parseCredential(spec: string): EmulatorCredential {
  const m = /^([^:]+):([^:]+)(?::deny=([A-Za-z+]+))?$/.exec(spec);
  if (m === null) throw new Error(`--credentials expects AKID:SECRET[:deny=Op1+Op2], got an invalid value`);
  return { accessKeyId: m[1]!, secretAccessKey: m[2]!, ...(m[3] === undefined ? {} : { deny: m[3].split('+').filter(Boolean) }) };
}

export function parseGenerate(spec: string): GenerateOptions {
  const out: GenerateOptions = {};
  const keys: Record<string, Exclude<keyof GenerateOptions, 'heavySpread'>> = {
    sessions: 'sessions',
    days: 'days',
    rate: 'rate',
    seed: 'seed',
    start: 'start',
    heavy: 'heavySession',
    heavySession: 'heavySession',
  };
  for (const part of spec.split(',').filter(Boolean)) {
    const [k, v] = part.split('=');
    const key = keys[k ?? ''];
    const n = Number(v);
    if (key === undefined || v === undefined || !Number.isFinite(n))
      throw new Error(`--generate: bad entry '${part}' (use sessions=,days=,rate=,seed=,heavy=,start=)`);
    out[key] = n;
  }
  return out;
}

function rates(flag: string, specs: string[] | undefined): Record<string, number> | undefined {
  if (specs === undefined) return undefined;
  const out: Record<string, number> = {};
  for (const spec of specs) {
    const [op, p] = spec.split('=');
    const n = Number(p);
    if (!op || !(n >= 0 && n <= 1)) throw new Error(`--${flag} expects Operation=probability (0..1), got '${spec}'`);
    out[op] = n;
  }
  return out;
}
