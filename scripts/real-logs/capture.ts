/**
 * Runs one corpus program and cuts what it wrote at its markers (`##corpus:<n>.<k>##`): every
 * line then knows which log call(s) wrote it. Markers are removed without adding or removing any
 * other byte, so a program that leaves a line unfinished (the monkeypatch does) still glues it to
 * what comes next, as it would in production.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Line {
  text: string;
  /** `n.k` of every log call that wrote a part of the line. */
  calls: string[];
}

/** A Lambda telemetry frame, decoded (type 0 frames are the corpus' own markers). */
export interface Frame {
  type: number;
  timestampUs: bigint;
  message: string;
  call: string | undefined;
}

export interface Captured {
  stdout: Line[];
  stderr: Line[];
  frames: Frame[];
  exitCode: number;
}

const MARKER = /##corpus:(\d+\.\d+)##\n/g;

export function splitAtMarkers(text: string): Line[] {
  const lines: Line[] = [];
  let call: string | undefined;
  let current: Line | undefined;
  let last = 0;
  const emit = (chunk: string) => {
    const parts = chunk.split('\n');
    parts.forEach((part, i) => {
      if (part === '' && i === parts.length - 1) return; // nothing after the last newline yet
      current ??= { text: '', calls: [] };
      current.text += part;
      if (call !== undefined && !current.calls.includes(call)) current.calls.push(call);
      if (i < parts.length - 1) {
        lines.push(current);
        current = undefined;
      }
    });
  };
  for (const match of text.matchAll(MARKER)) {
    emit(text.slice(last, match.index));
    call = match[1];
    last = (match.index ?? 0) + match[0].length;
  }
  emit(text.slice(last));
  if (current !== undefined) lines.push(current);
  return lines;
}

export function decodeFrames(data: Buffer): Frame[] {
  const frames: Frame[] = [];
  let call: string | undefined;
  for (let at = 0; at + 16 <= data.length;) {
    const type = data.readUInt32BE(at);
    const length = data.readInt32BE(at + 4);
    const timestampUs = data.readBigInt64BE(at + 8);
    const message = data.subarray(at + 16, at + 16 + length).toString('utf8');
    at += 16 + length;
    if (type === 0) {
      call = /##corpus:(\d+\.\d+)##/.exec(message)?.[1];
      continue;
    }
    frames.push({ type, timestampUs, message, call });
  }
  return frames;
}

export interface RunSpec {
  command: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  /** Exit codes that are part of the program's story (Go's unrecovered panic exits 2). */
  okCodes?: number[];
  frames?: boolean;
}

export function runProgram(spec: RunSpec, workDir: string, plan: unknown, name: string): { captured: Captured; truthFile: string } {
  const planFile = join(workDir, `${name}.plan.json`);
  const truthFile = join(workDir, `${name}.truth.jsonl`);
  const framesFile = join(workDir, `${name}.frames.bin`);
  writeFileSync(planFile, JSON.stringify(plan));
  writeFileSync(truthFile, '');
  if (spec.frames) writeFileSync(framesFile, '');
  const result = spawnSync(spec.command, spec.args, {
    cwd: spec.cwd,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: workDir,
      LANG: 'C.UTF-8',
      ...spec.env,
      CORPUS_PLAN: planFile,
      CORPUS_TRUTH: truthFile,
      ...(spec.frames ? { CORPUS_LAMBDA_FRAMES: framesFile } : {}),
    },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const code = result.status ?? -1;
  if (result.error || !(spec.okCodes ?? [0]).includes(code)) {
    throw new Error(`${name}: ${spec.command} exited ${code}: ${result.error?.message ?? result.stderr.slice(-2000)}`);
  }
  return {
    truthFile,
    captured: {
      stdout: splitAtMarkers(result.stdout),
      stderr: splitAtMarkers(result.stderr),
      frames: spec.frames ? decodeFrames(readFileSync(framesFile)) : [],
      exitCode: code,
    },
  };
}
