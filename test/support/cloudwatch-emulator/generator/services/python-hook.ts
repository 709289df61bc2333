import { tokenPrefix } from './types';

/**
 * What the documented monkeypatch does to text written to the patched stderr: every write()
 * except a lone "\n" gets the `[openReplaySessionToken=…] ` prefix — including the empty
 * `end=""` write that print() makes after each traceback chunk. So from the second chunk on,
 * lines carry the prefix twice, source lines inside a frame chunk carry none, and one bare
 * prefix is left unterminated for the next line. Returns the event lines and that remainder.
 */
export function hookedWrites(writes: string[], token: string): { lines: string[]; pending: string } {
  const p = tokenPrefix(token);
  let out = '';
  for (const w of writes) if (w !== '\n') out += p + w;
  const parts = out.split('\n');
  const pending = parts.pop() ?? '';
  // The awslogs driver ships one event per line and skips empty ones.
  return { lines: parts.filter((l) => l !== ''), pending };
}

/** traceback.print_exc() → print(chunk, file=sys.stderr, end="") for every chunk. */
export function printExcWrites(chunks: string[]): string[] {
  return chunks.flatMap((c) => [c, '']);
}
