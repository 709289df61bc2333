/** The line that names an exception, as runtimes print it above its frames. */
export interface ExceptionHeader {
  type: string;
  message: string;
}

const THREAD_RE = /^Exception in thread "[^"]*" ([\w$.]+)(?::\s?(.*))?$/;
// `TypeError: x`, `Uncaught TypeError: x`, `Error [ERR_X]: x`, `java.lang.IllegalStateException: x`, `com.acme.Boom`.
const HEADER_RE = /^(?:Uncaught )?([A-Za-z_$][\w$.]*)(?: (\[[^\]]+\]))?(?::\s?(.*))?$/;

/** `Exception in thread "main" X: y` or `X: y` — or undefined when the line names no exception. */
export function exceptionHeader(line: string): ExceptionHeader | undefined {
  const thread = THREAD_RE.exec(line);
  if (thread?.[1]) return { type: thread[1], message: thread[2] ?? '' };
  const header = HEADER_RE.exec(line);
  if (header?.[1]) return { type: header[1], message: joinCode(header[2], header[3]) };
  return undefined;
}

/** Node's error code (`TypeError [ERR_INVALID_ARG_TYPE]: …`) stays with the message. */
export function joinCode(code: string | undefined, message: string | undefined): string {
  return code === undefined ? (message ?? '') : `${code} ${message ?? ''}`.trimEnd();
}
