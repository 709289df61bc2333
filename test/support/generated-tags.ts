import { encodeBase36 } from '../../shared/session/base-n';

/**
 * How tests read generated lines, independently of the generator's bookkeeping and of orcw.
 *
 * The tags of a generated session as its lines spell them, written out one by one: any
 * token of the session (`base36(id).` after a non-alphanumeric), `openReplaySession.id=<id>`, the
 * ID as a JSON string or number, nested in an `openReplaySession` object, and each JSON form
 * escaped inside a shipper's record.
 */
export function idForms(sessionId: string): string[] {
  const json = [
    `"openReplaySession.id":"${sessionId}"`,
    `"openReplaySession.id": "${sessionId}"`,
    `"openReplaySession.id":${sessionId}`,
    `"openReplaySession":{"id":"${sessionId}"}`,
  ];
  return [`openReplaySession.id=${sessionId}`, ...json, ...json.map((form) => form.replace(/"/g, '\\"'))];
}

/** Whether `needle` occurs in `text` with no digit right after it (so a longer number is not the ID). */
function occursBounded(text: string, needle: string): boolean {
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    const next = text.charCodeAt(at + needle.length);
    if (!(next >= 48 && next <= 57)) return true;
  }
  return false;
}

/** A test of whether a text carries the session's tag (built once per session: tests scan every event with it). */
export function sessionTagTest(session: { sessionId: string }): (text: string) => boolean {
  const forms = idForms(session.sessionId);
  const token = new RegExp(`(?:^|[^0-9a-z])${encodeBase36(BigInt(session.sessionId))}\\.`);
  return (text) => (text.includes(session.sessionId) && forms.some((form) => occursBounded(text, form))) || token.test(text);
}

/** Every string in a line, JSON records opened (and JSON held in their strings, as envelopes hold lines). */
export function textsOf(line: string): string[] {
  const out = [line];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') out.push(...textsOf(value));
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(walk);
  };
  if (line.trimStart().startsWith('{')) {
    try {
      walk(JSON.parse(line));
    } catch {
      // not JSON: the line is its own text
    }
  }
  return out;
}
