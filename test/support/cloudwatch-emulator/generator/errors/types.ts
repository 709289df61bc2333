import type { Rng } from '../../rng';
import type { ErrorLanguage } from '../../types';

/** One occurrence of an error, before a service's logging style turns it into events. */
export interface ErrorInstance {
  language: ErrorLanguage;
  type: string;
  groupKey: string;
  /** The exception message as the program logs it. */
  message: string;
  /**
   * The trace text in the pieces the runtime writes it in. Python's traceback module writes one
   * chunk per frame ("  File …\n    code\n"); other runtimes are given one line per piece.
   */
  chunks: string[];
  frames: string[];
}

export interface ErrorTemplate {
  key: string;
  /** `decorate` rewrites the message the way a logging hook does (Python's monkeypatch). */
  build(rng: Rng, decorate: (message: string) => string): ErrorInstance;
}
