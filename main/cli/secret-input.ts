import { AppError } from '../../shared/errors';
import type { CliIo } from './command';

/** More than any real key + session token; stops a mistaken pipe from filling memory. */
const STDIN_LIMIT = 64 * 1024;

export interface SecretLines {
  secret: string;
  sessionToken?: string;
}

/** Reads `--secret-access-key-stdin` input: line 1 the secret access key, optional line 2 a session token. */
export async function readSecretsFromStdin(stdin: CliIo['stdin']): Promise<SecretLines> {
  let text = '';
  for await (const chunk of stdin) {
    text += typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
    if (text.length > STDIN_LIMIT) {
      throw new AppError(
        'INVALID_INPUT',
        'Too much data on stdin for a secret access key.',
        'Pipe only the secret access key (and optionally, on a second line, the session token).',
      );
    }
  }
  const [secret = '', sessionToken = ''] = text.split(/\r?\n/).map((line) => line.trim());
  if (!secret) {
    throw new AppError(
      'INVALID_INPUT',
      'No secret access key on stdin.',
      'Pipe it in, e.g.: orcw connections add … --secret-access-key-stdin < secret.txt',
    );
  }
  return sessionToken ? { secret, sessionToken } : { secret };
}

/** Asks on the terminal without echoing what is typed (the prompt goes to stderr, keeping stdout clean). */
export async function promptHidden(io: CliIo, question: string): Promise<string> {
  const { stdin, stderr } = io;
  if (!stdin.isTTY || !stdin.setRawMode)
    throw new AppError('INVALID_INPUT', 'Cannot prompt: stdin is not a terminal.', 'Use --secret-access-key-stdin.');
  // Echo off before the prompt shows, so nothing typed after it can ever be echoed.
  stdin.setRawMode(true);
  stderr.write(question);
  stdin.setEncoding('utf8');
  stdin.resume();
  try {
    return await new Promise<string>((resolve, reject) => {
      let typed = '';
      const onData = (chunk: string) => {
        for (const char of chunk) {
          if (char === '\r' || char === '\n' || char === '\u0004') {
            stdin.off('data', onData);
            resolve(typed);
            return;
          }
          if (char === '\u0003') {
            stdin.off('data', onData);
            reject(new AppError('CANCELLED', 'Cancelled.', 'Nothing was saved.'));
            return;
          }
          if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
          else typed += char;
        }
      };
      stdin.on('data', onData);
    });
  } finally {
    stdin.setRawMode(false);
    stdin.pause();
    stderr.write('\n');
  }
}
