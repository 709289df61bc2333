import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { visibleControls } from '../../../main/cli/terminal-text';
import { hasActiveControl, withoutActiveControls } from '../../support/terminal-controls';

describe('visibleControls', () => {
  it('shows ESC, BEL, CR, DEL, C1 and bidi overrides as text, keeps \\n and \\t', () => {
    expect(visibleControls('a\u001b]52;c;SGk=\u0007b')).toBe('a␛]52;c;SGk=␇b');
    expect(visibleControls('\u001b[2J\r\u007f')).toBe('␛[2J␍␡');
    expect(visibleControls('x\u009b31my \u0085 \u202eevil\u2069')).toBe('x\\u009b31my \\u0085 \\u202eevil\\u2069');
    expect(visibleControls('line 1\n\tline 2')).toBe('line 1\n\tline 2');
    expect(visibleControls('\u0000')).toBe('␀');
    expect(visibleControls('')).toBe('');
  });

  it('leaves no character a terminal acts on, and text without one untouched', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const shown = visibleControls(text);
        expect(hasActiveControl(shown)).toBe(false);
        if (!hasActiveControl(text)) expect(shown).toBe(text);
        // Each control becomes a visible stand-in: the rest of the text keeps its order.
        expect(shown.replace(/[\u2400-\u2421]|\\u[0-9a-f]{4}/g, '')).toBe(
          withoutActiveControls(text).replace(/[\u2400-\u2421]|\\u[0-9a-f]{4}/g, ''),
        );
      }),
      { numRuns: 2000 },
    );
  });
});
