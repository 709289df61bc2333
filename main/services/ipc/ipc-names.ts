/**
 * The only two Electron IPC channel names. Capability names travel inside the message, so the
 * router sees — and can reject — any channel a compromised page might try.
 */
export const INVOKE_CHANNEL = 'orcw:invoke';
export const EVENT_CHANNEL = 'orcw:event';
