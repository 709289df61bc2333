/**
 * Regenerates test/fixtures/real-logs/ by running real programs (CPython, Node.js with pino,
 * winston and bunyan from npm, Java 17 with Debian's logback/logstash-logback-encoder/log4j2,
 * Go 1.19 with Debian's zap and x/exp/slog), then shipping their output the way each shipper
 * does. Every program writes its own ground truth from the exceptions it raised. CI never runs
 * this; the tests read the committed output. Run: `npx tsx scripts/real-logs/generate.ts`.
 * Needs: /usr/bin/python3 with python3-structlog and python3-pythonjsonlogger, java and javac 17,
 * liblogback-java, liblogstash-logback-encoder-java, liblog4j2-java, golang-go,
 * golang-go.uber-zap-dev, golang-golang-x-exp-dev, and the npm registry.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runProgram } from './capture';
import { assembleCorpus, type ProgramRun } from './corpus-file';
import { programs, TEAM_FIELDS, type Dirs } from './programs';
import { corpusSessions, planRequests } from './sessions';
import { readTruth } from './truth';

const HERE = dirname(fileURLToPath(import.meta.url));
const OUT = join(HERE, '../../test/fixtures/real-logs');
const NPM_PACKAGES = ['pino@9.6.0', 'winston@3.17.0', 'bunyan@1.8.15'];
const JARS = [
  'slf4j-api',
  'logback-classic',
  'logback-core',
  'logstash-logback-encoder',
  'jackson-core',
  'jackson-databind',
  'jackson-annotations',
  'log4j-api',
  'log4j-core',
];

function sh(command: string, args: string[], cwd: string, env: Record<string, string> = {}): string {
  return execFileSync(command, args, { cwd, env: { ...process.env, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
}

function prepare(work: string): { dirs: Dirs; versions: Record<string, string> } {
  for (const runtime of ['python', 'node', 'java', 'go']) cpSync(join(HERE, 'programs', runtime), join(work, runtime), { recursive: true });
  const nodeDir = join(work, 'node');
  writeFileSync(join(nodeDir, 'package.json'), JSON.stringify({ name: 'corpus-programs', private: true }));
  sh('npm', ['install', '--no-audit', '--no-fund', '--silent', ...NPM_PACKAGES], nodeDir);
  const javaDir = join(work, 'java');
  const classes = join(javaDir, 'classes');
  const classpath = [classes, ...JARS.map((jar) => `/usr/share/java/${jar}.jar`)].join(':');
  const sources = [
    ...readdirSync(javaDir).filter((f) => f.endsWith('.java')),
    ...readdirSync(join(javaDir, 'shop')).map((f) => `shop/${f}`),
  ];
  sh('javac', ['-d', classes, '-cp', classpath, ...sources], javaDir);
  cpSync(join(javaDir, 'logback.xml'), join(classes, 'logback.xml'));
  cpSync(join(javaDir, 'log4j2.xml'), join(classes, 'log4j2.xml'));
  const goBin = join(work, 'go', 'bin');
  mkdirSync(goBin, { recursive: true });
  for (const app of ['panicapp', 'zapapp', 'slogapp']) {
    sh('go', ['build', '-o', join(goBin, app), `corpus/${app}`], join(work, 'go'), {
      GO111MODULE: 'off',
      GOPATH: `${join(work, 'go')}:/usr/share/gocode`,
      GOCACHE: join(work, 'gocache'),
      GOFLAGS: '-trimpath=false',
    });
  }
  const versions = {
    python: sh(
      '/usr/bin/python3',
      [
        '-c',
        'import sys, structlog, importlib.metadata as m; print(sys.version.split()[0], "structlog", m.version("structlog"), "python-json-logger", m.version("python-json-logger"))',
      ],
      work,
    ).trim(),
    node: process.version,
    npm: NPM_PACKAGES.join(' '),
    java: sh('java', ['--version'], work).split('\n')[0]!.trim(),
    go: sh('go', ['version'], work).trim(),
  };
  return { dirs: { python: join(work, 'python'), node: nodeDir, java: javaDir, javaClasspath: classpath, goBin }, versions };
}

function main(): void {
  const work = mkdtempSync(join(tmpdir(), 'orcw-real-logs-'));
  try {
    const { dirs, versions } = prepare(work);
    const now = Date.now();
    const sessions = corpusSessions(now);
    const runs: ProgramRun[] = [];
    for (const [index, program] of programs.entries()) {
      const requests = planRequests(sessions, program.styles, program.scenarios, index, program.last);
      const startedAt = Date.now();
      const { captured, truthFile } = runProgram(program.run(dirs), work, { requests }, program.id);
      const truth = readTruth(truthFile);
      runs.push({ program, requests, captured, truth, startedAt });
      process.stdout.write(`ran ${program.id}: ${requests.length} requests, ${truth.calls.length} log calls\n`);
    }
    mkdirSync(OUT, { recursive: true });
    const { events, truth, summary } = assembleCorpus(runs, sessions, {
      workDir: work,
      teamFields: TEAM_FIELDS,
      versions,
      generatedAt: now,
    });
    writeFileSync(join(OUT, 'events.ndjson'), `${events.map((e) => JSON.stringify(e)).join('\n')}\n`);
    writeFileSync(join(OUT, 'truth.json'), `${JSON.stringify(truth)}\n`);
    process.stdout.write(summary);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main();
