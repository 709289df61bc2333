import type { Rng } from '../../rng';
import type { ErrorLanguage, ManifestLevel, TagStyle } from '../../types';
import type { ErrorInstance, ErrorTemplate } from '../errors/types';

/** What a service knows about the session a request belongs to. */
export interface SessionRef {
  id: string;
  token?: string;
}

export interface RenderedError {
  /** One CloudWatch event per element, in order. */
  lines: string[];
  error: ErrorInstance;
  /** Text a hook left unterminated: it is glued to the front of the stream's next line. */
  pending?: string;
}

/** One simulated backend: its log group, language, tagging convention and line formats. */
export interface Service {
  group: string;
  language: ErrorLanguage;
  style: TagStyle;
  /** Shipper × logger × runtime, as the manifest names it. */
  shape: string;
  /** The level its errors are logged at. */
  errorLevel: ManifestLevel;
  /**
   * The shipper's record around each line the program writes (Fluent Bit, FireLens, Docker
   * json-file), made from the stream and time alone so it draws no randomness.
   */
  envelope?: (line: string, stream: string, ts: number) => string;
  streamNames(rng: Rng, startMs: number): string[];
  templates: ErrorTemplate[];
  /** A routine line of a request, carrying the session's tag. */
  tagged(ts: number, rng: Rng, s: SessionRef): string;
  /** Untagged background traffic. */
  noise(ts: number, rng: Rng): string;
  contextBefore(ts: number, rng: Rng): string;
  contextAfter(ts: number, rng: Rng): string;
  error(template: ErrorTemplate, rng: Rng, s: SessionRef, ts: number): RenderedError;
}

/** Styles that tag a line with the session ID (the others need the session's token). */
export function tagsById(style: TagStyle): boolean {
  return style === 'session-id' || style === 'id-json';
}

export function tokenPrefix(token: string): string {
  return `[openReplaySessionToken=${token}] `;
}
