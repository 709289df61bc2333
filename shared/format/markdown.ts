/**
 * Markdown that log text cannot break out of: whatever a line holds, it stays text in the issue
 * tracker (GitHub, GitLab, Jira's Markdown) — no headings, links, HTML or closed fences.
 */

/** Escapes text for a Markdown line, so log content cannot turn into Markdown or HTML. */
export function escapeInline(text: string): string {
  return text
    .replace(/[\\`*_[\]#|~>]/g, (c) => `\\${c}`)
    .replace(/</g, '&lt;')
    .replace(/\r?\n/g, ' ');
}

/** An inline code span whose backtick fence is longer than any run inside. */
export function inlineCode(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const ticks = '`'.repeat(longest + 1);
  const flat = text.replace(/\r?\n/g, ' ');
  return longest > 0 ? `${ticks} ${flat} ${ticks}` : `\`${flat}\``;
}

/** A fenced block whose fence is longer than any backtick run inside, so content cannot close it. */
export function fenced(text: string, info = 'text'): string {
  const longest = Math.max(0, ...(text.match(/`{3,}/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${text}\n${fence}`;
}
