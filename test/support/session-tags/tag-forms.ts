/**
 * Every way a backend writes an OpenReplay session tag, as line templates, and the neighbours
 * that must never be taken for it. The query tests (in-process engine and real SDK over HTTP)
 * run the same table, so a form added here is checked everywhere.
 */

/** A line template: the value (an ID or a token) goes where the function puts it. */
export type TagForm = readonly [name: string, write: (value: string) => string];

/** Forms that carry a session ID next to one of OpenReplay's names. */
export const ID_FORMS: readonly TagForm[] = [
  ['documented prefix', (v) => `[openReplaySession.id=${v}] ERROR boom`],
  ['prefix at line end', (v) => `GET /cart 500 openReplaySession.id=${v}`],
  ['colon and space', (v) => `openReplaySession.id: ${v} order failed`],
  ['JSON string', (v) => `{"level":"error","openReplaySession.id": "${v}","msg":"boom"}`],
  ['JSON number', (v) => `{"level":50,"openReplaySession.id":${v},"msg":"boom"}`],
  ['JSON in an envelope', (v) => JSON.stringify({ log: `{"openReplaySession.id":"${v}","level":"error"}\n`, stream: 'stderr' })],
  ['JSON number in an envelope', (v) => JSON.stringify({ log: `{"openReplaySession.id":${v}}`, stream: 'stdout' })],
  ['JSON escaped twice', (v) => JSON.stringify({ log: JSON.stringify({ log: `{"openReplaySession.id":"${v}"}` }) })],
  ['nested object', (v) => `{"openReplaySession": {"id": "${v}"}, "msg": "boom"}`],
  ['nested number, other key first', (v) => `{"openReplaySession":{"projectId":3,"id":${v}},"level":"error"}`],
  ['nested in an envelope', (v) => JSON.stringify({ log: `{"openReplaySession":{"id":"${v}"}}`, kubernetes: { pod_name: 'api-1' } })],
  ['nested Python repr', (v) => `{'event': 'boom', 'openReplaySession': {'id': ${v}}}`],
  ['nested util.inspect', (v) => `checkout failed { openReplaySession: { id: '${v}' } }`],
  ['nested Go %+v', (v) => `request {OpenReplaySession:{ID:${v}} Path:/cart}`],
  ['Python repr', (v) => `{'openReplaySession.id': '${v}', 'level': 'error'}`],
  ['Ruby hash', (v) => `{"openReplaySession.id"=>"${v}"}`],
  ['camel-case name', (v) => `{"openReplaySessionId":"${v}"}`],
  ['header, lower case', (v) => `openreplay-session-id: ${v}`],
  ['header, title case', (v) => `GET /cart X-OpenReplay-Session-Id: ${v} 500`],
  ['environment style', (v) => `OPENREPLAY_SESSION_ID=${v}`],
  ['logfmt quoted', (v) => `level=error openreplay_session_id="${v}" msg=boom`],
];

/** Forms that carry a token: under OpenReplay's name, another name, or none. */
export const TOKEN_FORMS: readonly TagForm[] = [
  ['documented prefix', (t) => `[openReplaySessionToken=${t}] ERROR boom`],
  ['JSON field', (t) => `{"openReplaySessionToken": "${t}","msg":"boom"}`],
  ['JSON field in an envelope', (t) => JSON.stringify({ log: `{"openReplaySessionToken":"${t}"}`, source: 'stderr' })],
  ['logged request header', (t) => `GET /api/cart headers={"X-OpenReplay-SessionToken": "${t}"}`],
  ['header line', (t) => `x-openreplay-sessiontoken: ${t}`],
  ['another key, quoted', (t) => `auth ok sessionToken="${t}" user=7`],
  ['another JSON key', (t) => `{"ort":"${t}"}`],
  ['query string', (t) => `GET /collect?token=${t}&v=2 204`],
  ['line start', (t) => `${t} refused`],
  ['Python repr', (t) => `{'session_token': '${t}'}`],
];

/** Forms under a team's own field names (only found when the connection names them). */
export const EXTRA_NAME_FORMS: readonly TagForm[] = [
  ['team name =', (v) => `sessionId=${v} GET /cart`],
  ['team name JSON', (v) => `{"or_session":"${v}","msg":"boom"}`],
  ['team name escaped', (v) => JSON.stringify({ log: `{"sessionId":${v}}` })],
  ['team name dotted path', (v) => `ctx.sessionId: ${v}`],
  ['team name other case', (v) => `SESSIONID=${v}`],
];
export const EXTRA_NAMES = ['sessionId', 'or_session'] as const;

export interface PlantedLine {
  message: string;
  found: boolean;
  /** What the line is, for a failure message. */
  label: string;
}

export interface TagCase {
  sessionId: string;
  /** Tokens of this session (different expiries, 3- and 4-part, negative delay). */
  tokens: readonly string[];
  /** IDs next to this one and longer numbers that contain it. */
  foreignIds: readonly string[];
  /** Tokens of other sessions, some of whose base36 ends or starts with this one's. */
  foreignTokens: readonly string[];
}

/** IDs that must not match: id ± 1 and numbers with a digit before or after the ID. */
export function neighbourIds(sessionId: string): string[] {
  const id = BigInt(sessionId);
  return [(id - 1n).toString(), (id + 1n).toString(), `9${sessionId}`, `${sessionId}0`, `1${sessionId}7`];
}

/** Every line of the table for one session, with whether the query must find it. */
export function plantedLines(c: TagCase, options: { extraNames: boolean }): PlantedLine[] {
  const lines: PlantedLine[] = [];
  for (const [name, write] of ID_FORMS) {
    lines.push({ message: write(c.sessionId), found: true, label: `ID, ${name}` });
    for (const other of c.foreignIds) lines.push({ message: write(other), found: false, label: `ID ${other}, ${name}` });
  }
  for (const [name, write] of TOKEN_FORMS) {
    for (const token of c.tokens) lines.push({ message: write(token), found: true, label: `token ${token}, ${name}` });
    for (const other of c.foreignTokens) lines.push({ message: write(other), found: false, label: `token ${other}, ${name}` });
  }
  for (const [name, write] of EXTRA_NAME_FORMS) {
    lines.push({ message: write(c.sessionId), found: options.extraNames, label: `ID, ${name}` });
    for (const other of c.foreignIds) lines.push({ message: write(other), found: false, label: `ID ${other}, ${name}` });
  }
  // Untagged or wrongly tagged: the bare ID, a name that only ends like a team's, a token's
  // base36 inside another token.
  const prefix = BigInt(c.sessionId).toString(36);
  const decoys = [
    `GET /api/orders/${c.sessionId} 500`,
    `userSessionId=${c.sessionId}`,
    `openReplaySession.ids=${c.sessionId}`,
    `{"openReplaySession":{"userId":${c.sessionId}}}`,
    `{"openReplaySession":{"meta":{"id":${c.sessionId}}}}`,
    `token=abc.${prefix}.lrraavgc.Sig`,
    `token=abc.-${prefix}.lrraavgc.Sig`,
    `token=X${prefix}.3az.Sig`,
  ];
  for (const message of decoys) lines.push({ message, found: false, label: `decoy ${message}` });
  return lines;
}
