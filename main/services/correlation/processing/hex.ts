const DIGITS = [48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 97, 98, 99, 100, 101, 102]; // 0-9 a-f

/**
 * Lowercase hex of unsigned integers, each `width` digits (≤ 8), after `prefix`, as one flat
 * string. Number#toString(16) goes through floating point, and a string grown with `+=` is a
 * rope that every later Map lookup must flatten: ids are made and looked up 10,000 times a run.
 */
export function toHex(prefix: string, values: readonly number[], width: number): string {
  const codes: number[] = [];
  for (let i = 0; i < prefix.length; i++) codes.push(prefix.charCodeAt(i));
  for (const value of values) {
    for (let shift = (width - 1) * 4; shift >= 0; shift -= 4) codes.push(DIGITS[(value >>> shift) & 0xf] as number);
  }
  return String.fromCharCode(...codes);
}
