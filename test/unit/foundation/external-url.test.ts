import { describe, expect, it, vi } from 'vitest';
import { checkExternalUrl, createExternalOpener } from '../../../main/services/window/external-url';
import { isTrustedReplayUrl } from '../../../shared/session/replay-host';

describe('openExternal guard', () => {
  it('allows https links', () => {
    expect(checkExternalUrl('https://app.openreplay.com/3/session/2618307011354435587?jumpto=1200')).toBe(
      'https://app.openreplay.com/3/session/2618307011354435587?jumpto=1200',
    );
  });

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'file:///etc/passwd',
    'http://app.openreplay.com/1/session/2',
    'orcw://session/123',
    'smb://host/share',
    'data:text/html,<script>alert(1)</script>',
    'https://user:pass@example.com/',
    'not a url',
    '',
    '//example.com/x',
  ])('refuses %s with a hint', (url) => {
    expect(() => checkExternalUrl(url)).toThrowError(expect.objectContaining({ code: 'EXTERNAL_URL_REFUSED', hint: expect.any(String) }));
  });

  it('never calls the OS shell for refused links', async () => {
    const open = vi.fn(async () => undefined);
    const opener = createExternalOpener(open, async () => []);
    await expect(opener({ url: 'file:///etc/passwd' })).rejects.toMatchObject({ code: 'EXTERNAL_URL_REFUSED' });
    await opener({ url: 'https://app.openreplay.com/1/session/2' });
    expect(open).toHaveBeenCalledTimes(1);
    expect(open).toHaveBeenCalledWith('https://app.openreplay.com/1/session/2');
  });

  it('opens another host only once the user confirmed that very host', async () => {
    const open = vi.fn(async () => undefined);
    const opener = createExternalOpener(open, async () => ['https://or.example.com/openreplay']);
    const foreign = 'https://evil.example/7/session/2618307011354435587';
    await expect(opener({ url: foreign })).rejects.toMatchObject({
      code: 'EXTERNAL_URL_UNCONFIRMED',
      message: expect.stringContaining('This link opens evil.example,'),
    });
    await expect(opener({ url: foreign, confirmedHost: 'or.example.com' })).rejects.toMatchObject({ code: 'EXTERNAL_URL_UNCONFIRMED' });
    expect(open).not.toHaveBeenCalled();
    await opener({ url: foreign, confirmedHost: 'evil.example' });
    // A connection's own OpenReplay, under its path: no question asked.
    await opener({ url: 'https://or.example.com/openreplay/7/session/1' });
    await expect(opener({ url: 'https://or.example.com/other/7/session/1' })).rejects.toMatchObject({ code: 'EXTERNAL_URL_UNCONFIRMED' });
    expect(open.mock.calls).toEqual([[foreign], ['https://or.example.com/openreplay/7/session/1']]);
  });
});

describe('isTrustedReplayUrl', () => {
  it.each([
    ['https://app.openreplay.com/1/session/2', [], true],
    ['https://app.openreplay.com.evil.example/1/session/2', [], false],
    ['https://APP.OpenReplay.com/1/session/2', [], true],
    ['https://app.openreplay.com:8443/1/session/2', [], false],
    ['http://app.openreplay.com/1/session/2', [], false],
    ['https://or.example.com/1/session/2', ['https://or.example.com'], true],
    ['https://or.example.com/1/session/2', ['https://or.example.com/'], true],
    ['https://or.example.com/or/1/session/2', ['https://or.example.com/or'], true],
    ['https://or.example.com/orx/1/session/2', ['https://or.example.com/or'], false],
    ['https://or.example.com:444/1/session/2', ['https://or.example.com'], false],
    ['https://user@or.example.com/1/session/2', ['https://or.example.com'], true],
    ['not a url', ['https://or.example.com'], false],
  ])('%s with %j → %s', (url, bases, trusted) => {
    expect(isTrustedReplayUrl(url, bases)).toBe(trusted);
  });
});
