const PREFIX = '[openReplaySessionToken=';
const PREFIX_RE = /^(?:\[openReplaySessionToken=[^\]\s]*\] ?)+/;

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

// The OpenReplay names a session is tagged with, as teams spell them.
const NAME = String.raw`openReplaySession(?:Token|\.id)`;
const VALUE = String.raw`(?:"[^"\n]*"|'[^'\n]*'|[\w.-]*)`;
// `[openReplaySessionToken=…]`, `(openReplaySession.id=…)`: the brackets go with the tag.
const ENCLOSED_RE = new RegExp(String.raw`\[\s*${NAME}\s*[=:][^\]\n]*\]|\(\s*${NAME}\s*[=:][^)\n]*\)`, 'gi');
// A JSON member inside text: `"openReplaySessionToken":"…",`.
const JSON_MEMBER_RE = new RegExp(String.raw`"${NAME}"\s*:\s*(?:"[^"\n]*"|\d+)\s*,?`, 'gi');
// `openReplaySession.id=…` / `openReplaySessionToken: …`, with the separator that followed it
// (`openReplaySession.id=1: reindex` must not leave `: reindex`).
const BARE_RE = new RegExp(String.raw`${NAME}\s*[=:]\s*${VALUE}(?:\s*[:,;|]+(?=\s|$))?`, 'gi');
// Where a tag was: a private-use character, which log text does not carry.
const MARK = '\uE000';
// A separator right before a removed tag at the end: `charge failed, <tag>` → `charge failed`.
const SEPARATOR_BEFORE_END_RE = /\s*[,;|]\s*\uE000(?=\s*$)/g;
// `panic: <tag>: x` and `msg: <tag>` leave no doubled or trailing colon.
const COLON_BEFORE_RE = /:\s*\uE000\s*(?=:|$)/g;
const MARK_SPACES_RE = / ?\uE000 ?/g;

const ANY_RE = /openreplaysession/i;
// Every tag form at once, leftmost first: where a displayed raw line has its tags.
const TAG_RE = new RegExp(`${ENCLOSED_RE.source}|${JSON_MEMBER_RE.source}|${BARE_RE.source}`, 'gi');

/**
 * Where the session tags sit in a line, as [start, end) spans in order: the renderer dims them in
 * raw lines (the line itself is never changed — copies and exports keep every character).
 */
export function sessionTagSpans(text: string): [number, number][] {
  if (!ANY_RE.test(text)) return [];
  const spans: [number, number][] = [];
  for (const match of text.matchAll(TAG_RE)) if (match[0] !== '') spans.push([match.index, match.index + match[0].length]);
  return spans;
}

/**
 * Removes the session tags wherever they sit, and what removing them would leave behind (`[]`,
 * `: :`, a dangling separator). The same monkeypatch also rewrites the exception's value
 * (`KeyError: "[openReplaySessionToken=…] 'x'"`), and a session's token must not split one
 * error into one group per session, nor clutter a title or a summary.
 */
export function removeSessionTags(text: string): string {
  if (!ANY_RE.test(text)) return text;
  const removed = text.replace(ENCLOSED_RE, MARK).replace(JSON_MEMBER_RE, MARK).replace(BARE_RE, MARK);
  return tidy(removed);
}

/** Joins the text around each removed tag without leftover separators or doubled spaces. */
function tidy(text: string): string {
  return text
    .replace(SEPARATOR_BEFORE_END_RE, MARK)
    .replace(COLON_BEFORE_RE, MARK)
    .replace(MARK_SPACES_RE, (m) => (m.length === 3 ? ' ' : ''))
    .replace(/^\s*[:,;|]\s+/, '')
    .replace(/[ \t]+$/gm, '');
}
