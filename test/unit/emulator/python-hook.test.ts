import { describe, expect, it } from 'vitest';
import { hookedWrites, printExcWrites } from '../../support/cloudwatch-emulator/generator/services/python-hook';

const P = '[openReplaySessionToken=T.1.SIG] ';

describe('the OpenReplay docs Python monkeypatch, as emitted', () => {
  it('prefixes every write, doubling after print(end="") and leaving frame source lines bare', () => {
    const chunks = ['Traceback (most recent call last):\n', '  File "/app/x.py", line 3, in f\n    return d["k"]\n', `KeyError: '${P}k'\n`];
    const { lines, pending } = hookedWrites(printExcWrites(chunks), 'T.1.SIG');
    expect(lines).toEqual([
      `${P}Traceback (most recent call last):`,
      `${P}${P}  File "/app/x.py", line 3, in f`,
      '    return d["k"]',
      `${P}${P}KeyError: '${P}k'`,
    ]);
    expect(pending).toBe(P);
  });

  it('swallows a lone newline write and drops empty lines', () => {
    expect(hookedWrites(['a\n', '\n', '\nb\n'], 'T.1.SIG')).toEqual({ lines: [`${P}a`, P, 'b'], pending: '' });
  });
});
