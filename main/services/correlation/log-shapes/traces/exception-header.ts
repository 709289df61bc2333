/** The line that names an exception, as runtimes print it above its frames. */
export interface ExceptionHeader {
  type: string;
  message: string;
}

const THREAD_RE = /^Exception in thread "[^"]*" ([\w$.]+)(?::\s?(.*))?$/;
// `TypeError: x`, `Uncaught TypeError: x`, `Error [ERR_X]: x`, `java.lang.IllegalStateException: x`, `com.acme.Boom`.
const HEADER_RE = /^(?:Uncaught )?([A-Za-z_$][\w$.]*)(?: (\[[^\]]+\]))?(?::\s?(.*))?$/;

// An exception named behind other text: `checkout failed: TypeError: x` (console.error("…:", err),
// printStackTrace after a message), `Uncaught Exception \tError: x`.
const PREFIXED_RE =
  /(?:^|[\s:(])((?:[A-Za-z_$][\w$]*[.$])*[A-Za-z_$][\w$]*(?:Error|Exception|Fault|Failure))(?: (\[[^\]]+\]))?(?::\s?(.*))?$/;

/** `Exception in thread "main" X: y` or `X: y` — or undefined when the line names no exception. */
export function exceptionHeader(line: string): ExceptionHeader | undefined {
  const thread = THREAD_RE.exec(line);
  if (thread?.[1]) return { type: thread[1], message: thread[2] ?? '' };
  const header = HEADER_RE.exec(line);
  if (header?.[1]) return { type: header[1], message: joinCode(header[2], header[3]) };
  return undefined;
}

/** The exception a line names, possibly behind other text (the line right above a trace's frames). */
export function headerInLine(line: string): ExceptionHeader | undefined {
  const whole = exceptionHeader(line);
  if (whole) return whole;
  const prefixed = PREFIXED_RE.exec(line);
  return prefixed?.[1] ? { type: prefixed[1], message: joinCode(prefixed[2], prefixed[3]) } : undefined;
}

/** Does the line name an exception behind other text? (For recognising where a trace starts.) */
export function namesException(line: string): boolean {
  return PREFIXED_RE.test(line);
}

/** Node's error code (`TypeError [ERR_INVALID_ARG_TYPE]: …`) stays with the message. */
export function joinCode(code: string | undefined, message: string | undefined): string {
  return code === undefined ? (message ?? '') : `${code} ${message ?? ''}`.trimEnd();
}
