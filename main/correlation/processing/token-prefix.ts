const PREFIX = '[openReplaySessionToken=';
const PREFIX_RE = /^(?:\[openReplaySessionToken=[^\]\s]*\] ?)+/;
const TAG_ANYWHERE_RE = /\[openReplaySessionToken=[^\]\s]*\] ?/g;

/**
 * Removes the `[openReplaySessionToken=…] ` prefix OpenReplay's documented Python monkeypatch
 * writes before every write() — so twice on most traceback lines, as print() makes an extra
 * empty write after each chunk. Exactly one space goes with each: what follows may be a
 * traceback line whose own indentation (`  File …`) is meaningful.
 */
export function stripTokenPrefix(line: string): string {
  if (!line.startsWith(PREFIX)) return line;
  return line.replace(PREFIX_RE, '');
}

/**
 * Removes the tag wherever it sits: the same monkeypatch also rewrites the exception's value
 * (`KeyError: "[openReplaySessionToken=…] 'x'"`), and a session's token must not split one
 * error into one group per session.
 */
export function removeSessionTags(text: string): string {
  return text.includes(PREFIX) ? text.replace(TAG_ANYWHERE_RE, '') : text;
}
