import { describe, expect, it } from 'vitest';
import { parseCli, parseCredential, parseGenerate } from '../../support/cloudwatch-emulator/cli-args';

describe('emulator CLI arguments', () => {
  it('parses credentials with and without deny lists', () => {
    expect(parseCredential('AKID:SECRET')).toEqual({ accessKeyId: 'AKID', secretAccessKey: 'SECRET' });
    expect(parseCredential('AKID2:s3cr/et+x:deny=StartQuery+GetLogEvents')).toEqual({
      accessKeyId: 'AKID2',
      secretAccessKey: 's3cr/et+x',
      deny: ['StartQuery', 'GetLogEvents'],
    });
    expect(() => parseCredential('no-secret')).toThrow(/AKID:SECRET/);
  });

  it('parses --generate specs', () => {
    expect(parseGenerate('sessions=50,days=2,rate=100,seed=42,heavy=12000')).toEqual({
      sessions: 50,
      days: 2,
      rate: 100,
      seed: 42,
      heavySession: 12000,
    });
    expect(() => parseGenerate('sessions=x')).toThrow(/bad entry/);
    expect(() => parseGenerate('colour=3')).toThrow(/bad entry/);
  });

  it('maps every flag onto emulator options', () => {
    const c = parseCli([
      '--port',
      '4566',
      '--credentials',
      'A:B',
      '--credentials',
      'C:D:deny=StopQuery',
      '--seed',
      'a.ndjson',
      '--seed',
      'b.ndjson',
      '--generate',
      'sessions=2',
      '--manifest',
      '/tmp/m.json',
      '--latency-base-ms',
      '250',
      '--scan-rate-bytes',
      '1000000',
      '--max-concurrent-queries',
      '3',
      '--throttle',
      'StartQuery=0.5',
      '--unavailable',
      '*=0.1',
      '--drop',
      'GetQueryResults=0.2',
      '--fault-seed',
      '9',
      '--extra-latency-ms',
      '5',
    ]);
    expect(c.options).toEqual({
      port: 4566,
      credentials: [
        { accessKeyId: 'A', secretAccessKey: 'B' },
        { accessKeyId: 'C', secretAccessKey: 'D', deny: ['StopQuery'] },
      ],
      queryLatency: { baseMs: 250, bytesPerSecond: 1_000_000 },
      maxConcurrentQueries: 3,
      faults: { seed: 9, extraLatencyMs: 5, throttle: { StartQuery: 0.5 }, unavailable: { '*': 0.1 }, drop: { GetQueryResults: 0.2 } },
    });
    expect(c.seeds).toEqual(['a.ndjson', 'b.ndjson']);
    expect(c.generate).toEqual({ sessions: 2 });
    expect(c.manifest).toBe('/tmp/m.json');
  });

  it('takes the scan rate in MB per second as well', () => {
    expect(parseCli(['--scan-rate-mb-per-s', '50']).options.queryLatency).toEqual({ bytesPerSecond: 50_000_000 });
    expect(parseCli(['--latency-base-ms', '0', '--scan-rate-mb-per-s', '0.5']).options.queryLatency).toEqual({
      baseMs: 0,
      bytesPerSecond: 500_000,
    });
    expect(() => parseCli(['--scan-rate-mb-per-s', '50', '--scan-rate-bytes', '1'])).toThrow(/give one/);
  });

  it('rejects bad values', () => {
    expect(() => parseCli(['--throttle', 'StartQuery=2'])).toThrow(/probability/);
    expect(() => parseCli(['--port=-1'])).toThrow(/non-negative/);
    expect(() => parseCli(['--bogus'])).toThrow();
  });
});
