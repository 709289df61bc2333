export interface Piece {
  text: string;
  match: boolean;
}

function queryWords(query: string): string[] {
  return query
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(/^"|"$/g, ''))
    .filter((w) => w.length > 0);
}

/** Whether the text holds any of the query's words (case-insensitive). */
export function hasMatch(text: string, query: string): boolean {
  const lower = text.toLowerCase();
  return queryWords(query).some((word) => lower.includes(word));
}

/** Splits text around case-insensitive occurrences of the query's words, for highlighting hits. */
export function highlightPieces(text: string, query: string): Piece[] {
  const words = queryWords(query);
  if (words.length === 0) return [{ text, match: false }];
  const lower = text.toLowerCase();
  const pieces: Piece[] = [];
  let at = 0;
  while (at < text.length) {
    let best = -1;
    let bestWord = '';
    for (const word of words) {
      const i = lower.indexOf(word, at);
      if (i !== -1 && (best === -1 || i < best || (i === best && word.length > bestWord.length))) {
        best = i;
        bestWord = word;
      }
    }
    if (best === -1) break;
    if (best > at) pieces.push({ text: text.slice(at, best), match: false });
    pieces.push({ text: text.slice(best, best + bestWord.length), match: true });
    at = best + bestWord.length;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), match: false });
  return pieces;
}

/** A window of the message around the first match, so long lines still show why they matched. */
export function snippet(text: string, query: string, width = 220): string {
  const flat = text.replace(/\s+/g, ' ');
  const first = query.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  const at = first ? flat.toLowerCase().indexOf(first) : -1;
  if (flat.length <= width || at < width / 3) return flat.slice(0, width) + (flat.length > width ? '…' : '');
  const start = Math.max(0, at - Math.floor(width / 3));
  return `…${flat.slice(start, start + width)}${start + width < flat.length ? '…' : ''}`;
}
