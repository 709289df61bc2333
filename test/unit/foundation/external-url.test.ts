import { describe, expect, it, vi } from 'vitest';
import { checkExternalUrl, createExternalOpener } from '../../../main/shell/external-url';

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
    const opener = createExternalOpener(open);
    await expect(opener('file:///etc/passwd')).rejects.toMatchObject({ code: 'EXTERNAL_URL_REFUSED' });
    await opener('https://docs.aws.amazon.com/');
    expect(open).toHaveBeenCalledTimes(1);
    expect(open).toHaveBeenCalledWith('https://docs.aws.amazon.com/');
  });
});
