/** OpenReplay's cloud: its replay pages are always fine to open. */
export const OPENREPLAY_CLOUD_ORIGIN = 'https://app.openreplay.com';

/**
 * True when `url` is a page of OpenReplay's cloud or lies under one of the connections' own
 * OpenReplay base URLs (same origin, inside its path). A link can carry a replay URL on any host
 * (`orcw://open?url=https://evil.example/1/session/…`): anything else is opened only after the user
 * has seen the host and said yes.
 */
export function isTrustedReplayUrl(url: string, baseUrls: readonly string[]): boolean {
  const target = parse(url);
  if (!target) return false;
  if (target.origin === OPENREPLAY_CLOUD_ORIGIN) return true;
  return baseUrls.some((base) => {
    const trusted = parse(base);
    if (!trusted || trusted.origin !== target.origin) return false;
    const path = trusted.pathname.replace(/\/+$/, '');
    return path === '' || target.pathname === path || target.pathname.startsWith(`${path}/`);
  });
}

/** The host as the confirmation names it (with a port when there is one). */
export function urlHost(url: string): string | undefined {
  return parse(url)?.host;
}

function parse(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}
