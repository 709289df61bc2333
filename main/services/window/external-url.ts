import { AppError } from '../../../shared/errors';
import { isTrustedReplayUrl } from '../../../shared/session/replay-host';

/**
 * The only gate to shell.openExternal: https URLs only (replay links, AWS docs), without
 * embedded credentials. javascript:, file:, http:, custom schemes and malformed URLs are refused
 * because the OS would hand them to arbitrary local handlers.
 */
export function checkExternalUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw refused('That link is not a valid URL.');
  }
  if (url.protocol !== 'https:') throw refused(`Links with ${url.protocol} are not opened; only https: links are.`);
  if (url.username || url.password) throw refused('Links that carry a user name or password are not opened.');
  if (!url.hostname) throw refused('That link has no host.');
  return url.toString();
}

function refused(message: string): AppError {
  return new AppError('EXTERNAL_URL_REFUSED', message, 'Copy the link and open it in your browser if you trust it.');
}

/**
 * The handler behind `app:open-external`: https only (above), and a host that is neither OpenReplay's
 * cloud nor a connection's OpenReplay base URL only with `confirmedHost` naming it, which the
 * renderer sends once the user has confirmed that host.
 */
export function createExternalOpener(
  open: (url: string) => Promise<void>,
  replayBaseUrls: () => Promise<readonly string[]>,
): (request: { url: string; confirmedHost?: string }) => Promise<void> {
  return async ({ url, confirmedHost }) => {
    const checked = checkExternalUrl(url);
    const host = new URL(checked).host;
    if (!isTrustedReplayUrl(checked, await replayBaseUrls()) && confirmedHost !== host) {
      throw new AppError(
        'EXTERNAL_URL_UNCONFIRMED',
        `This link opens ${host}, which is not OpenReplay (app.openreplay.com) or the OpenReplay base URL of a connection.`,
        `Open it only if you trust ${host}; to stop being asked, set that connection's OpenReplay base URL.`,
      );
    }
    return open(checked);
  };
}
