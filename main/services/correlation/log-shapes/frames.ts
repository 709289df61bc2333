import { MAX_SHOWN_FRAMES, type ParsedException, type StackFrame } from '../../../../shared/domain/log-parts';

/** Enough frames to tell errors apart; deep framework stacks add nothing beyond this. */
export const MAX_IDENTITY_FRAMES = 50;

/**
 * Frames of runtimes, frameworks and dependencies: the same under every application's errors.
 * The one rule for "library frame", applied to a frame's identity (`function (file)`): it drives
 * both the fingerprint (application frames identify an error) and the dimming in the UI.
 */
const LIBRARY_FRAME_RE = new RegExp(
  [
    // Node.js: dependencies, the runtime's own modules (`node:internal/…`, old `internal/…`).
    String.raw`node_modules/`,
    String.raw`\(node:`,
    String.raw`^node:`,
    String.raw`\(internal/`,
    String.raw`^internal/`,
    String.raw`^Promise\.`,
    String.raw`^process\.processTicksAndRejections`,
    // Python: installed packages, the standard library, frozen modules; AWS Lambda's runtime.
    String.raw`/(?:site|dist)-packages/`,
    String.raw`/lib/python\d[\d.]*/`,
    '<frozen ',
    String.raw`/var/runtime/`,
    // JVM: the platform and the usual frameworks.
    String.raw`^(?:java|javax|jdk|sun|com\.sun|jakarta|org\.springframework|org\.apache|org\.hibernate|org\.eclipse\.jetty|io\.netty|reactor|kotlin|kotlinx|scala|ch\.qos|com\.fasterxml)\.`,
    String.raw`^java\.base/`,
    // Go: the runtime and standard library (Debian's /usr/lib/go-1.x too), the module cache.
    String.raw`^runtime[./]`,
    String.raw`/usr/local/go/src/`,
    String.raw`/usr/lib/go[-\d.]*/src/`,
    String.raw`/pkg/mod/`,
    // .NET framework namespaces; Ruby gems and the standard library.
    String.raw`^(?:System|Microsoft)\.`,
    String.raw`/gems/`,
    String.raw`/lib/ruby/`,
  ].join('|'),
);

export function isLibraryFrame(identity: string): boolean {
  return LIBRARY_FRAME_RE.test(identity);
}

/** A frame as parsed, with the identity the fingerprint uses (no line numbers: they move with every deploy). */
export interface ParsedFrame {
  frame: StackFrame;
  identity: string;
}

/** The frame of `parts` (a fresh object, completed in place: this runs for every frame of a run). */
export function makeFrame(identity: string, parts: Omit<StackFrame, 'app'>): ParsedFrame {
  const frame = parts as StackFrame;
  frame.app = !isLibraryFrame(identity);
  return { frame, identity };
}

/** A trace's exception, with the identities of its own frames (innermost first). */
export interface ParsedTrace {
  exception: ParsedException;
  identities: string[];
}

/** Builds an exception from parsed frames (innermost first), bounding what is kept. */
export function exceptionOf(type: string, message: string, frames: readonly ParsedFrame[], omitted = 0): ParsedTrace {
  const shown = frames.slice(0, MAX_SHOWN_FRAMES).map((f) => f.frame);
  const exception: ParsedException = { type, message, frames: shown };
  const left = omitted + Math.max(0, frames.length - MAX_SHOWN_FRAMES);
  if (left > 0) exception.omittedFrames = left;
  return { exception, identities: frames.slice(0, MAX_IDENTITY_FRAMES).map((f) => f.identity) };
}

/** `file:12:34`, `file:12`, `file` → its parts. */
export function splitLocation(location: string): { file: string; line?: number; column?: number } {
  const m = /^(.*?):(\d+)(?::(\d+))?$/.exec(location);
  if (!m) return { file: location };
  const parts: { file: string; line?: number; column?: number } = { file: m[1] as string, line: Number(m[2]) };
  if (m[3] !== undefined) parts.column = Number(m[3]);
  return parts;
}
