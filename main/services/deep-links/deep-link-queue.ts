export const DEEP_LINK_SCHEME = 'orcw:';

/** Links can arrive before the window exists (first launch argv, macOS open-url at startup): hold them. */
export interface DeepLinkQueue {
  push(url: string): void;
  /** Called once the renderer has subscribed; flushes everything held so far. */
  markReady(): void;
}

export function createDeepLinkQueue(deliver: (url: string) => void): DeepLinkQueue {
  let ready = false;
  const pending: string[] = [];
  return {
    push(url) {
      if (ready) deliver(url);
      else pending.push(url);
    },
    markReady() {
      ready = true;
      for (const url of pending.splice(0)) deliver(url);
    },
  };
}

/**
 * On Windows and Linux the OS passes the link as a command-line argument (first launch, or the
 * second instance's argv). Only arguments that start with orcw:// count; length is bounded so a
 * hostile link cannot flood the renderer.
 */
export function deepLinksFromArgv(argv: readonly string[]): string[] {
  return argv.filter((arg) => arg.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}//`) && arg.length <= 16_384);
}
