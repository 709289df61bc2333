import { expect, test } from './harness/fixtures';

test.describe('foundation', () => {
  test('a call round-trips renderer → router → handler → renderer', async ({ orcw }) => {
    await expect(orcw.page.getByTestId('version')).toHaveText(/\S/);
    const info = await orcw.page.evaluate(() => window.correlator.appInfo());
    expect(info).toMatchObject({ ok: true, value: { version: expect.any(String) } });
  });

  test('the Content-Security-Policy is in effect: no inline or data: script, no inline style', async ({ orcw }) => {
    const outcome = await orcw.page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (event) => violations.push(event.effectiveDirective));
      const flags = window as unknown as { __inlineRan?: boolean; __dataRan?: boolean };
      const inline = document.createElement('script');
      inline.textContent = 'window.__inlineRan = true';
      document.body.append(inline);
      const dataScript = document.createElement('script');
      dataScript.src = 'data:text/javascript,window.__dataRan=true';
      document.body.append(dataScript);
      const style = document.createElement('style');
      style.textContent = 'body { outline: 7px solid red }';
      document.head.append(style);
      await new Promise((resolve) => setTimeout(resolve, 200));
      return {
        inlineRan: flags.__inlineRan === true,
        dataRan: flags.__dataRan === true,
        styleApplied: getComputedStyle(document.body).outlineWidth === '7px',
        violations,
      };
    });
    expect(outcome).toMatchObject({ inlineRan: false, dataRan: false, styleApplied: false });
    expect(outcome.violations).toEqual(expect.arrayContaining(['script-src-elem', 'style-src-elem']));
  });

  test('the router rejects unknown channels and invalid payloads from the page', async ({ orcw }) => {
    const unknown = await orcw.page.evaluate(() => window.__orcwInvoke('fs:read' as never, { path: '/etc/passwd' }));
    expect(unknown).toMatchObject({ ok: false, error: { code: 'IPC_UNKNOWN_CHANNEL' } });
    const invalid = await orcw.page.evaluate(() => window.correlator.openExternal({ url: 42 as never }));
    expect(invalid).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_PAYLOAD' } });
  });

  test('only https links reach the OS shell', async ({ orcw }) => {
    const refused = await orcw.page.evaluate(() => window.correlator.openExternal({ url: 'javascript:alert(1)' }));
    expect(refused).toMatchObject({ ok: false, error: { code: 'EXTERNAL_URL_REFUSED', hint: expect.any(String) } });
    const opened = await orcw.page.evaluate(() => window.correlator.openExternal({ url: 'https://app.openreplay.com/1/session/2' }));
    expect(opened).toEqual({ ok: true, value: undefined });
    expect(orcw.openedExternal).toEqual(['https://app.openreplay.com/1/session/2']);
  });
});
