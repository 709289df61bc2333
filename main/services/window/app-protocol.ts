import path from 'node:path';

/** The renderer is served from app://orcw/, never file://, so its origin is fixed and checkable. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'orcw';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/**
 * Maps an app:// URL to a file inside the renderer's build folder, or null. Refuses other hosts,
 * encoded traversal (`%2e%2e`), and anything resolving outside the root.
 */
export function resolveAppAsset(rootDir: string, requestUrl: string): { filePath: string; contentType: string } | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const relative = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const root = path.resolve(rootDir);
  const filePath = path.resolve(root, relative);
  if (filePath !== root && !filePath.startsWith(root + path.sep)) return null;
  const contentType = contentTypes[path.extname(filePath).toLowerCase()];
  if (!contentType) return null;
  return { filePath, contentType };
}
