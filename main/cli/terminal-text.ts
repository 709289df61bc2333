/**
 * Log text is written by anyone who can make the backend log, and a terminal obeys what it prints:
 * `ESC]52;c;…BEL` writes the clipboard, `ESC]0;…BEL` retitles the window, `ESC[2J` clears the
 * screen, CSI sequences move the cursor over earlier lines. Every human-readable line the CLI prints
 * goes through here, so control characters show as what they are instead of acting. `--json`
 * output does not: JSON escapes them itself (`\u001b`), and scripts need the exact text.
 *
 * Kept: `\n` and `\t` (layout). Shown as Unicode control pictures: the other C0 characters and DEL
 * (ESC → ␛, CR → ␍, BEL → ␇). Shown as `\u0085`-style escapes: the C1 range (0x80–0x9F, where
 * 0x9B is a one-byte CSI) and the bidirectional overrides/isolates, which reorder what the reader sees.
 */
export function visibleControls(text: string): string {
  let out = '';
  let clean = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    const shown = showControl(code);
    if (shown === undefined) continue;
    out += text.slice(clean, i) + shown;
    clean = i + 1;
  }
  return clean === 0 ? text : out + text.slice(clean);
}

const CONTROL_PICTURES = 0x2400;
const DELETE_PICTURE = '\u2421';

function showControl(code: number): string | undefined {
  if (code === 0x0a || code === 0x09) return undefined;
  if (code < 0x20) return String.fromCharCode(CONTROL_PICTURES + code);
  if (code === 0x7f) return DELETE_PICTURE;
  if ((code >= 0x80 && code <= 0x9f) || isBidiControl(code)) return `\\u${code.toString(16).padStart(4, '0')}`;
  return undefined;
}

/** LRE, RLE, PDF, LRO, RLO and LRI, RLI, FSI, PDI: the "Trojan Source" characters. */
function isBidiControl(code: number): boolean {
  return (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
}
