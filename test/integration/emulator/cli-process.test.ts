import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeLogGroupsCommand, GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmulatorManifest } from '../../support/cloudwatch-emulator';
import { client } from './helpers';

const CLI = join(process.cwd(), 'test/support/cloudwatch-emulator/cli.ts');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'orcw-emulator-cli-'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts the CLI as `npm run emulator` does and waits for its "listening on" line. */
function launch(args: string[]): Promise<{ child: ChildProcessWithoutNullStreams; url: string; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: process.cwd() });
  let out = '';
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m !== null) resolve({ child, url: m[1]!, output: () => out });
    });
    child.on('exit', (code) => reject(new Error(`emulator exited with ${code}: ${out}`)));
  });
}

function exited(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}

describe('npm run emulator', () => {
  it('generates traffic, writes the manifest, serves the SDK and stops cleanly on SIGTERM', async () => {
    const manifestPath = join(dir, 'm.json');
    const { child, url, output } = await launch([
      '--port',
      '0',
      '--credentials',
      'AKIDCLI:SECRETCLI',
      '--generate',
      'sessions=3,seed=1,rate=1',
      '--manifest',
      manifestPath,
    ]);
    try {
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as EmulatorManifest;
      expect(manifest.sessions).toHaveLength(3);
      expect(output()).toContain(`generated ${manifest.totalEvents} events`);
      const logs = client({ url }, { credentials: { accessKeyId: 'AKIDCLI', secretAccessKey: 'SECRETCLI' } });
      const groups = await logs.send(new DescribeLogGroupsCommand({}));
      expect(groups.logGroups!.map((g) => g.logGroupName)).toEqual(manifest.logGroups);
      logs.destroy();
    } finally {
      const code = exited(child);
      child.kill('SIGTERM');
      expect(await code).toBe(0);
    }
  });

  it('loads NDJSON seed files and reports the count', async () => {
    const seed = join(dir, 'seed.ndjson');
    writeFileSync(
      seed,
      `${JSON.stringify({ logGroup: '/ecs/api', logStream: 'api/i-1', timestamp: 1706070459324, message: 'first' })}\n\n${JSON.stringify({ logGroup: '/ecs/api', logStream: 'api/i-1', timestamp: 1706070459325, message: 'second' })}\n`,
    );
    const { child, url, output } = await launch(['--seed', seed]);
    try {
      expect(output()).toContain(`loaded 2 events from ${seed}`);
      const logs = client({ url }, { credentials: { accessKeyId: 'AKIDEMULATOR0001', secretAccessKey: 'emulator-secret' } });
      const events = await logs.send(new GetLogEventsCommand({ logGroupName: '/ecs/api', logStreamName: 'api/i-1', startFromHead: true }));
      expect(events.events!.map((e) => e.message)).toEqual(['first', 'second']);
      logs.destroy();
    } finally {
      const code = exited(child);
      child.kill('SIGINT');
      expect(await code).toBe(0);
    }
  });

  it('exits with usage on a bad flag', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--generate', 'bogus=1'], { cwd: process.cwd() });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    expect(await exited(child)).toBe(2);
    expect(err).toContain('Usage: npm run emulator');
  });
});
