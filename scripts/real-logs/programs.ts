/**
 * Every program of the corpus: how to run it, the tag conventions and failures it plays, and
 * the shippers its output goes through. The programs are in programs/<runtime>/.
 */
import type { RunSpec } from './capture';
import { awslogs, dockerJsonFile, fireLens, fluentBitMerge, fluentBitPlain } from './shippers/line-shippers';
import { cloudWatchAgent, lambda } from './shippers/agent-lambda';
import type { Shipper } from './shippers/types';

export interface Dirs {
  python: string;
  node: string;
  java: string;
  javaClasspath: string;
  goBin: string;
}

export interface Program {
  id: string;
  runtime: string;
  logger: string;
  styles: readonly string[];
  scenarios: readonly string[];
  /** A request played last (Go's crash ends the process). */
  last?: { style: string; scenario: string };
  run(dirs: Dirs): RunSpec;
  /** Lambda shippers need the request IDs the runtime simulation used. */
  shippers(requestIds: Map<number, string>): Shipper[];
}

const PY = '/usr/bin/python3'; // Debian's: its dist-packages hold structlog and python-json-logger
const python =
  (script: string, ...args: string[]) =>
  (d: Dirs): RunSpec => ({ command: PY, args: [script, ...args], cwd: d.python, env: { PYTHONDONTWRITEBYTECODE: '1' } });
const node =
  (script: string, env: Record<string, string> = {}, frames = false) =>
  (d: Dirs): RunSpec => ({ command: process.execPath, args: [script], cwd: d.node, env, frames });
const java =
  (main: string, props: string[] = []) =>
  (d: Dirs): RunSpec => ({ command: 'java', args: ['-Xshare:auto', ...props, '-cp', d.javaClasspath, main], cwd: d.java, env: {} });
const go =
  (bin: string, env: Record<string, string> = {}, okCodes = [0]) =>
  (d: Dirs): RunSpec => ({ command: `${d.goBin}/${bin}`, args: [], cwd: d.goBin, env, okCodes });
const fixed =
  (...shippers: Shipper[]) =>
  () =>
    shippers;

const PY_ERRORS = ['ok', 'key-error', 'chained', 'context'];

export const programs: Program[] = [
  {
    id: 'py-monkeypatch',
    runtime: 'CPython 3.11',
    logger: 'OpenReplay monkeypatch',
    styles: ['print-exc', 'logging'],
    scenarios: PY_ERRORS,
    run: python('monkeypatch_app.py'),
    shippers: fixed(awslogs),
  },
  {
    id: 'py-logging',
    runtime: 'CPython 3.11',
    logger: 'logging',
    styles: ['id-format', 'header'],
    scenarios: [...PY_ERRORS, 'group'],
    run: python('logging_app.py'),
    shippers: fixed(cloudWatchAgent, awslogs),
  },
  {
    id: 'py-structlog',
    runtime: 'CPython 3.11',
    logger: 'structlog',
    styles: ['flat-id', 'nested-id', 'token'],
    scenarios: [...PY_ERRORS, 'group'],
    run: python('structlog_app.py'),
    shippers: fixed(fluentBitPlain, fireLens),
  },
  {
    id: 'py-structlog-dict',
    runtime: 'CPython 3.11',
    logger: 'structlog (dict tracebacks)',
    styles: ['nested-id', 'flat-id'],
    scenarios: PY_ERRORS,
    run: python('structlog_app.py', 'dict'),
    shippers: fixed(fluentBitMerge),
  },
  {
    id: 'py-json-logger',
    runtime: 'CPython 3.11',
    logger: 'python-json-logger',
    styles: ['team-field', 'header-token'],
    scenarios: PY_ERRORS,
    run: python('jsonlogger_app.py'),
    shippers: fixed(fireLens, dockerJsonFile),
  },
  ...(['text', 'stdout', 'json'] as const).map((format): Program => ({
    id: `lambda-py-${format}`,
    runtime: 'CPython 3.11 (Lambda)',
    logger: `Lambda runtime, ${format === 'json' ? 'JSON' : 'text'} format${format === 'stdout' ? ' on stdout (\\r)' : ''}`,
    styles: ['handled', 'unhandled'],
    scenarios: PY_ERRORS,
    run: (d) => ({
      command: PY,
      args: ['lambda_runtime_sim.py'],
      cwd: d.python,
      env: { PYTHONDONTWRITEBYTECODE: '1', ...(format === 'json' ? { AWS_LAMBDA_LOG_FORMAT: 'JSON' } : {}) },
      frames: format !== 'stdout',
    }),
    shippers: (ids) => [lambda('Lambda', { json: format === 'json', requestIds: ids })],
  })),
  {
    id: 'node-console',
    runtime: 'Node.js',
    logger: 'console',
    styles: ['inspect', 'prefix'],
    scenarios: ['ok', 'type-error', 'chained', 'aggregate'],
    run: node('console-app.mjs'),
    shippers: fixed(awslogs),
  },
  {
    id: 'node-pino',
    runtime: 'Node.js',
    logger: 'pino',
    styles: ['flat-id', 'nested-id', 'header-token'],
    scenarios: ['ok', 'type-error', 'chained', 'aggregate'],
    run: node('pino-app.mjs'),
    shippers: fixed(fluentBitMerge, fireLens),
  },
  {
    id: 'node-winston',
    runtime: 'Node.js',
    logger: 'winston',
    styles: ['token-key', 'token'],
    scenarios: ['ok', 'type-error', 'chained'],
    run: node('winston-app.mjs'),
    shippers: fixed(dockerJsonFile, fireLens),
  },
  {
    id: 'node-bunyan',
    runtime: 'Node.js',
    logger: 'bunyan',
    styles: ['req-header', 'id'],
    scenarios: ['ok', 'type-error', 'chained'],
    run: node('bunyan-app.mjs'),
    shippers: fixed(awslogs),
  },
  ...(['text', 'stdout', 'json'] as const).map((format): Program => ({
    id: `lambda-node-${format}`,
    runtime: 'Node.js (Lambda)',
    logger: `Lambda runtime, ${format === 'json' ? 'JSON' : 'text'} format${format === 'stdout' ? ' on stdout (\\r)' : ''}`,
    styles: ['handled', 'unhandled'],
    scenarios: ['ok', 'type-error', 'chained', 'aggregate'],
    run: node('lambda-runtime-sim.mjs', format === 'json' ? { AWS_LAMBDA_LOG_FORMAT: 'JSON' } : {}, format !== 'stdout'),
    shippers: (ids) => [lambda('Lambda', { json: format === 'json', requestIds: ids })],
  })),
  {
    id: 'java-logback',
    runtime: 'Java 17',
    logger: 'logback',
    styles: ['id', 'header'],
    scenarios: ['ok', 'npe', 'chained', 'number'],
    run: java('LogbackApp'),
    shippers: fixed(cloudWatchAgent, awslogs),
  },
  {
    id: 'java-logstash',
    runtime: 'Java 17',
    logger: 'logstash-logback-encoder',
    styles: ['id', 'team-field'],
    scenarios: ['ok', 'npe', 'chained', 'list'],
    run: java('LogstashApp', ['-Dcorpus.appender=JSON']),
    shippers: fixed(fluentBitMerge, fireLens),
  },
  {
    id: 'java-log4j2',
    runtime: 'Java 17',
    logger: 'log4j2 JsonLayout',
    styles: ['token'],
    scenarios: ['ok', 'npe', 'chained'],
    run: java('Log4jJsonApp'),
    shippers: fixed(awslogs),
  },
  {
    id: 'java-plain',
    runtime: 'Java 17',
    logger: 'printStackTrace',
    styles: ['token'],
    scenarios: ['ok', 'npe', 'chained', 'number'],
    run: java('PlainJavaApp'),
    shippers: fixed(cloudWatchAgent),
  },
  {
    id: 'go-panic',
    runtime: 'Go 1.19',
    logger: 'log + panics',
    styles: ['recovered'],
    scenarios: ['ok', 'panic'],
    last: { style: 'crash', scenario: 'panic' },
    run: go('panicapp', { GOTRACEBACK: 'all' }, [2]),
    shippers: fixed(awslogs, cloudWatchAgent),
  },
  {
    id: 'go-zap',
    runtime: 'Go 1.19',
    logger: 'zap',
    styles: ['flat-id', 'nested-id'],
    scenarios: ['ok', 'error'],
    run: go('zapapp'),
    shippers: fixed(fluentBitMerge),
  },
  {
    id: 'go-slog',
    runtime: 'Go 1.19',
    logger: 'x/exp/slog',
    styles: ['id', 'token'],
    scenarios: ['ok', 'error'],
    run: go('slogapp'),
    shippers: fixed(fireLens),
  },
];

/** Field names the corpus programs log the session ID under, beyond OpenReplay's own. */
export const TEAM_FIELDS = ['sessionId', 'or_session'];
