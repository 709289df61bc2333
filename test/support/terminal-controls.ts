/**
 * Characters a terminal acts on rather than prints: C0 except \n and \t, DEL, C1, and the
 * bidirectional overrides/isolates. By code point, so no control character sits in a regex.
 */
export function isActiveControl(code: number): boolean {
  if (code === 0x0a || code === 0x09) return false;
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
}

export function hasActiveControl(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) if (isActiveControl(text.charCodeAt(i))) return true;
  return false;
}

export function withoutActiveControls(text: string): string {
  return [...text].filter((c) => !isActiveControl(c.charCodeAt(0))).join('');
}
