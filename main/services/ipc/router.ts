import { toErrorValue } from '../../../shared/errors';
import { invokeChannels, isInvokeChannel, type InvokeChannel, type ParsedRequestOf, type ResponseOf } from '../../../shared/ipc/contract';
import { fail, ok, type Result } from '../../../shared/ipc/result';
import { scrubErrorValue } from '../security/secret-scrubber';

/** Who sent an IPC message, as far as the transport can tell. */
export interface SenderInfo {
  /** URL of the frame that sent the message. */
  url: string;
  /** False for iframes: only our window's main frame may call main. */
  isMainFrame: boolean;
  /** False when the message came from a window that is not ours. */
  isOurWindow: boolean;
}

/** Channels whose response is `undefined` may be handled by functions returning void. */
type HandlerValue<C extends InvokeChannel> = [ResponseOf<C>] extends [undefined] ? void : ResponseOf<C>;

export type Handler<C extends InvokeChannel> = (request: ParsedRequestOf<C>) => Promise<HandlerValue<C>> | HandlerValue<C>;

export type Handlers = { [C in InvokeChannel]: Handler<C> };

export interface Router {
  dispatch(channel: unknown, payload: unknown, sender: SenderInfo): Promise<Result<unknown>>;
}

/**
 * Transport-independent IPC router. Electron's ipcMain and the e2e harness's Playwright binding
 * both feed it, so the checks below run identically in tests and in the app.
 */
export function createRouter(handlers: Handlers, trustedOrigin: string): Router {
  return {
    async dispatch(channel, payload, sender) {
      if (!isInvokeChannel(channel)) {
        return fail({
          code: 'IPC_UNKNOWN_CHANNEL',
          message: `Unknown IPC channel ${JSON.stringify(String(channel)).slice(0, 80)}.`,
          hint: 'The renderer and main process are out of step: restart orcw.',
        });
      }
      if (!isTrustedSender(sender, trustedOrigin)) {
        return fail({
          code: 'IPC_FORBIDDEN_SENDER',
          message: 'Refused an IPC call that did not come from the orcw window.',
          hint: 'Only the app’s own page may call it; nothing to do unless you see this in normal use.',
        });
      }
      const spec = invokeChannels[channel];
      const request = spec.request.safeParse(payload);
      if (!request.success) {
        const issue = request.error.issues[0];
        const where = issue?.path.length ? ` (${issue.path.join('.')})` : '';
        return fail({
          code: 'IPC_INVALID_PAYLOAD',
          message: `Invalid request for ${channel}${where}: ${issue?.message ?? 'does not match the contract'}`,
          hint: 'Check the values you entered.',
        });
      }
      try {
        const handler = handlers[channel] as (request: unknown) => unknown;
        const value = await handler(request.data);
        const checked = spec.response.safeParse(value);
        if (!checked.success) {
          return fail({
            code: 'IPC_INVALID_RESPONSE',
            message: `orcw produced an answer for ${channel} that does not match its contract.`,
            hint: 'This is a bug in orcw; please report it with the steps that led here.',
          });
        }
        return ok(checked.data);
      } catch (thrown) {
        // The last gate before the renderer: whatever a handler threw is scrubbed once more.
        return fail(scrubErrorValue(toErrorValue(thrown)));
      }
    },
  };
}

/** Origin check without `URL.origin`: for custom schemes such as app:// it is the string "null". */
export function isTrustedSender(sender: SenderInfo, trustedOrigin: string): boolean {
  if (!sender.isOurWindow || !sender.isMainFrame) return false;
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return false;
  }
  return `${url.protocol}//${url.host}` === trustedOrigin;
}
