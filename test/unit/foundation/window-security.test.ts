import { describe, expect, it } from 'vitest';
import { secureWindowOptions } from '../../../main/shell/window-options';
import { CONTENT_SECURITY_POLICY, rendererResponseHeaders } from '../../../main/services/window/content-security-policy';
import { resolveAppAsset } from '../../../main/services/window/app-protocol';

describe('secure window options', () => {
  const prefs = secureWindowOptions('/app/preload.cjs').webPreferences ?? {};

  it('isolates and sandboxes the renderer', () => {
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('fits a 1024×700 screen', () => {
    const options = secureWindowOptions('/p');
    expect(options.minWidth).toBeLessThanOrEqual(1024);
    expect(options.minHeight).toBeLessThanOrEqual(700);
  });
});

describe('content security policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

  it('denies by default and allows only our own scripts and styles', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)|https?:|\*/);
  });

  it('is sent with every renderer asset', () => {
    expect(rendererResponseHeaders('text/html')).toMatchObject({
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    });
  });
});

describe('app:// asset resolution', () => {
  const root = '/opt/orcw/renderer';

  it('serves files inside the renderer build', () => {
    expect(resolveAppAsset(root, 'app://orcw/index.html')).toEqual({
      filePath: `${root}/index.html`,
      contentType: 'text/html; charset=utf-8',
    });
    expect(resolveAppAsset(root, 'app://orcw/')?.filePath).toBe(`${root}/index.html`);
    expect(resolveAppAsset(root, 'app://orcw/assets/index-abc.js')?.contentType).toMatch(/javascript/);
  });

  it('refuses traversal, other hosts, other schemes and unknown types', () => {
    for (const url of [
      'app://orcw/../../etc/passwd',
      'app://orcw/%2e%2e/%2e%2e/etc/passwd',
      'app://orcw/assets/%2e%2e%2f%2e%2e%2fsecret.js',
      'app://orcw/index.html%00.js',
      'app://other/index.html',
      'file:///opt/orcw/renderer/index.html',
      'app://orcw/data.bin',
      'app://orcw/%E0%A4%A',
      'not a url',
    ]) {
      expect(resolveAppAsset(root, url), url).toBeNull();
    }
  });
});
