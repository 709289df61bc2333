/**
 * The full-text index stores, per block of BLOCK_EVENTS events, the distinct "words" of their
 * messages: maximal runs of letters, digits, `_`, `-` and any non-ASCII character, 3+ long.
 * Splitting JSON and punctuation this way lets a block share repeated keys, tags and tokens,
 * which is what makes indexing fast and the index small.
 *
 * Why no search is missed: a search term that occurs in a message is split into pieces by the
 * same rule; each piece lies inside one word of that message, so each of the piece's trigrams is
 * a trigram of an indexed word. The index therefore only narrows the candidates; search.ts
 * checks every candidate against the real message.
 */
const WORD = /[0-9A-Za-z_\-\u0080-\uffff]{3,}/g;
const PIECE = /[0-9A-Za-z_\-\u0080-\uffff]+/g;

/** Caps how many trigrams one query feeds to FTS5; more only slows the intersection. */
const MAX_TRIGRAMS = 12;

export function addWords(message: string, into: Set<string>): void {
  const words = message.match(WORD);
  if (words === null) return;
  for (const word of words) into.add(word);
}

export function blockText(words: Set<string>): string {
  return [...words].join(' ');
}

export interface ParsedSearch {
  /** Substrings every hit's message must contain (case-insensitive for ASCII letters). */
  terms: string[];
  /** FTS5 MATCH expression over trigrams, or null when no term has a piece of 3+ characters. */
  match: string | null;
}

/** Splits user text into terms: `"quoted phrases"` stay whole, everything else splits on spaces. */
export function splitTerms(text: string): string[] {
  const terms: string[] = [];
  const pattern = /"([^"]*)"?|(\S+)/g;
  for (const found of text.matchAll(pattern)) {
    const term = found[1] ?? found[2] ?? '';
    if (term.trim() !== '') terms.push(term);
  }
  return terms;
}

function quote(trigram: string): string {
  return `"${trigram.replaceAll('"', '""')}"`;
}

export function parseSearch(text: string): ParsedSearch {
  const terms = splitTerms(text);
  const trigrams = new Set<string>();
  for (const term of terms) {
    for (const piece of term.match(PIECE) ?? []) {
      // No toLowerCase here: FTS5 folds case itself, and JS lowering can change a string's length.
      const chars = [...piece];
      for (let i = 0; i + 3 <= chars.length; i += 1) trigrams.add(chars.slice(i, i + 3).join(''));
    }
  }
  if (trigrams.size === 0) return { terms, match: null };
  const all = [...trigrams];
  // Spread the cap over all terms rather than keeping only the first term's trigrams.
  const step = Math.max(1, all.length / MAX_TRIGRAMS);
  const chosen: string[] = [];
  for (let i = 0; i < all.length && chosen.length < MAX_TRIGRAMS; i += step) chosen.push(all[Math.floor(i)] as string);
  return { terms, match: chosen.map(quote).join(' AND ') };
}

/** LIKE folds ASCII letters only; terms with other characters are compared in JS instead. */
export function isAscii(term: string): boolean {
  for (let i = 0; i < term.length; i += 1) if (term.charCodeAt(i) > 0x7f) return false;
  return true;
}

/**
 * ASCII characters from most to least frequent in log lines (JSON punctuation, digits, English).
 * LIKE '%term%' scans for the term's first character and retries at each occurrence, so a term
 * starting with 'e' costs several times one starting with 'f'.
 */
const COMMON = ' e"t:a,o0i1n2s-r3l5c4d6u7h8m9p.g_f=y/b{}w[]v()k\'x;j|q<>z';

/**
 * A cheaper LIKE that every match of `term` also satisfies: the term's tail from its rarest
 * character. Checked first, it rejects most non-matching rows before the full pattern runs.
 * Returns null when the term already starts with its rarest character.
 */
export function likePrefilter(term: string): string | null {
  let best = 0;
  let bestRank = -1;
  for (let i = 0; i + 1 < term.length; i += 1) {
    const rank = COMMON.indexOf(term.charAt(i).toLowerCase());
    const rarity = rank < 0 ? COMMON.length : rank;
    if (rarity > bestRank) {
      best = i;
      bestRank = rarity;
    }
  }
  return best === 0 ? null : likePattern(term.slice(best));
}

/** A LIKE pattern matching `term` anywhere, with LIKE's wildcards escaped (ESCAPE '\'). */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
