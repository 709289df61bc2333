/** The parser's own result (accept/refuse), distinct from the IPC envelope in shared/ipc/result.ts. Errors are values here: the input field shows the message as the user types. */
export interface ReferenceProblem {
  code: 'INVALID_REFERENCE';
  message: string;
  hint: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: ReferenceProblem };

export function accept<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

export function refuse<T = never>(message: string, hint: string): Parsed<T> {
  return { ok: false, error: { code: 'INVALID_REFERENCE', message, hint } };
}

export const hints = {
  token: 'Paste the token exactly as your backend logged it (what tracker.getSessionToken() returns), or the session ID.',
  sessionId: 'A session ID is the decimal number at the end of a replay URL, e.g. 2618307011354435587.',
  replayUrl: 'Copy the address of the replay page, e.g. https://app.openreplay.com/<projectId>/session/<sessionId>.',
  deepLink: 'Use orcw://session/<token or session ID>[?from=&to=&connection=&replay=&jumpto=] or orcw://open?url=<replay URL>.',
  any: 'Paste an OpenReplay session token, a session ID, a replay URL, an [openReplaySessionToken=…] tag or an orcw:// link.',
} as const;
