import { AppError } from '../../shared/errors';

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

export function createExternalOpener(open: (url: string) => Promise<void>): (raw: string) => Promise<void> {
  return async (raw) => open(checkExternalUrl(raw));
}
