/** The first line of a text; a lone `\r` ends one too (AWS Lambda joins a Python traceback's lines with it). */
export function firstLine(text: string): string {
  const newline = text.indexOf('\n');
  const cr = text.indexOf('\r');
  const end = newline === -1 ? cr : cr === -1 ? newline : Math.min(newline, cr);
  return end === -1 ? text : text.slice(0, end);
}
