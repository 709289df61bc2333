import { AppError, type AppErrorValue } from '../../../shared/errors';

/**
 * The one scrubber for every text that leaves main: error messages and hints (shown in the window,
 * printed by the CLI, cached in `failures_json`, exported) and anything logged.
 *
 * What counts as secret here:
 * - AWS secret access keys and session tokens (STS, SSO access and refresh tokens): always.
 * - AWS access key IDs (AKIA…, ASIA…): not secret by AWS's own definition, but half a credential
 *   pair and an account identifier, so they are removed too.
 * - Values of fields named like a secret (`aws_secret_access_key = …`, `"SessionToken": "…"`,
 *   `x-amz-security-token: …`, `password=…`) and SigV4 signatures.
 * - What a `credential_process` printed and its command line (it may carry tokens or MFA codes):
 *   callers drop those before text gets here (see aws-errors.ts); the patterns below are the net.
 * Not secret: OpenReplay session tokens. Their signature only lets the OpenReplay tracker keep
 * writing to that one session until it expires; the token is what the user pastes, what the backend
 * logs in plain text and what every cached log line holds, so hiding it in an error would protect
 * nothing and make errors about it unreadable.
 *
 * Known values (the connection's own keys, once read) are removed wherever they appear; patterns
 * catch the ones orcw never saw (a profile's keys, a server echoing a header). Scrub first, cut
 * after (`scrubAndClip`): cutting first could leave the head of a secret that straddles the cut.
 */
export const REDACTED = '[redacted]';

/** Shorter known values are not scrubbed: they would blank ordinary words. */
const MIN_KNOWN_LENGTH = 8;

const ACCESS_KEY_ID = /(?<![A-Z0-9])(?:AKIA|ASIA|AIDA|AROA|AGPA|ANPA|ANVA|APKA|ABIA|ACCA|ASCA|AIPA)[A-Z0-9]{12,124}(?![A-Z0-9])/g;
/** 40 characters of base64 with both letter cases: a secret access key (a hex digest has one case). */
const SECRET_KEY_CANDIDATE = /(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;
/** Long base64 runs: STS session tokens are several hundred characters, SSO tokens over a hundred. */
const LONG_BASE64 = /[A-Za-z0-9/+_-]{64,}={0,2}/g;
/** `name = value`, `"name": "value"`, `name: value` for names that say they hold a secret. */
const NAMED_SECRET =
  /((?:aws_)?(?:secret(?:_?access)?_?key|session_?token|security_?token|access_?token|refresh_?token|client_?secret|password|secret|signature|x-amz-security-token)["']?\s*[:=]\s*["']?)([^\s"',;&}]+)/gi;

export function scrubSecrets(text: string, known: readonly string[] = []): string {
  let clean = text;
  for (const secret of [...new Set(known)]
    .filter((s) => typeof s === 'string' && s.length >= MIN_KNOWN_LENGTH)
    .sort((a, b) => b.length - a.length)) {
    clean = clean.split(secret).join(REDACTED);
  }
  return clean
    .replace(NAMED_SECRET, (_all, name: string) => `${name}${REDACTED}`)
    .replace(LONG_BASE64, REDACTED)
    .replace(ACCESS_KEY_ID, REDACTED)
    .replace(SECRET_KEY_CANDIDATE, (match) => (/[a-z]/.test(match) && /[A-Z]/.test(match) ? REDACTED : match));
}

/** Scrubs, then cuts to `max` characters (with an ellipsis): never the other way round. */
export function scrubAndClip(text: string, max: number, known: readonly string[] = []): string {
  const clean = scrubSecrets(text, known);
  return clean.length <= max ? clean : `${clean.slice(0, Math.max(0, max - 1))}…`;
}

/** An error value (or a run failure) with message and hint scrubbed; the same object when nothing changed. */
export function scrubErrorValue<T extends Pick<AppErrorValue, 'message' | 'hint'>>(error: T, known: readonly string[] = []): T {
  const message = scrubSecrets(error.message, known);
  const hint = scrubSecrets(error.hint, known);
  return message === error.message && hint === error.hint ? error : { ...error, message, hint };
}

export function scrubAppError(error: AppError, known: readonly string[] = []): AppError {
  const clean = scrubErrorValue(error.toValue(), known);
  return clean.message === error.message && clean.hint === error.hint ? error : new AppError(error.code, clean.message, clean.hint);
}

/** A run's failures as they may be shown, cached (failures_json) and exported. */
export function scrubRunFailures<R extends { failures: readonly Pick<AppErrorValue, 'message' | 'hint'>[] }>(
  result: R,
  known: readonly string[] = [],
): R {
  const failures = result.failures.map((failure) => scrubErrorValue(failure, known));
  return failures.every((failure, i) => failure === result.failures[i]) ? result : { ...result, failures };
}
