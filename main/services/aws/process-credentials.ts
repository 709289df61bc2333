import { exec } from 'node:child_process';
import { parseKnownFiles } from '@smithy/core/config';
import { AppError } from '../../../shared/errors';

export interface ProcessCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

/** A credential helper that has not answered in this long is stuck (waiting on a prompt nobody sees). */
export const CREDENTIAL_PROCESS_TIMEOUT_MS = 60_000;
const MAX_OUTPUT_BYTES = 1024 * 1024;

/**
 * The `credential_process` command of a profile when the SDK would use it for that profile: not
 * when a role, static keys or a web identity come first (the SDK's own order). orcw runs it itself
 * rather than through the SDK because the SDK folds the command line and its stderr into the error
 * message (secrets can be in both) and drops the exit status, the one safe thing to report.
 */
export async function credentialProcessOf(profile: string): Promise<string | undefined> {
  const profiles = await parseKnownFiles({ profile, ignoreCache: true });
  const data = profiles[profile];
  if (!data || typeof data.credential_process !== 'string') return undefined;
  if (typeof data.role_arn === 'string') return undefined;
  if (typeof data.aws_access_key_id === 'string' && typeof data.aws_secret_access_key === 'string') return undefined;
  return data.credential_process;
}

/**
 * Runs the helper through the shell as the SDK does and reads its Version 1 JSON. A failure says
 * which profile, the exit status and what to do; never the command line or what it printed.
 */
export function runCredentialProcess(
  command: string,
  profile: string,
  timeoutMs = CREDENTIAL_PROCESS_TIMEOUT_MS,
): Promise<ProcessCredentials> {
  return new Promise((resolve, reject) => {
    exec(command, { timeout: timeoutMs, maxBuffer: MAX_OUTPUT_BYTES, windowsHide: true }, (error, stdout) => {
      if (error) {
        const status =
          typeof error.code === 'number'
            ? `exit status ${error.code}`
            : error.killed || error.signal
              ? `stopped${error.signal ? ` by ${error.signal}` : ''}${error.killed ? ' after the time limit' : ''}`
              : 'could not be started';
        reject(processFailure(profile, `the credential_process of AWS profile "${profile}" failed (${status})`));
        return;
      }
      try {
        resolve(readCredentials(String(stdout), profile));
      } catch (problem) {
        reject(problem);
      }
    });
  });
}

function readCredentials(stdout: string, profile: string): ProcessCredentials {
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(stdout.trim()) as Record<string, unknown>;
  } catch {
    throw processFailure(profile, `the credential_process of AWS profile "${profile}" did not print JSON`);
  }
  if (data === null || typeof data !== 'object' || data.Version !== 1)
    throw processFailure(profile, `the credential_process of AWS profile "${profile}" did not answer with Version 1`);
  const { AccessKeyId, SecretAccessKey, SessionToken, Expiration } = data;
  if (typeof AccessKeyId !== 'string' || typeof SecretAccessKey !== 'string' || AccessKeyId === '' || SecretAccessKey === '') {
    throw processFailure(profile, `the credential_process of AWS profile "${profile}" returned no AccessKeyId and SecretAccessKey`);
  }
  const credentials: ProcessCredentials = { accessKeyId: AccessKeyId, secretAccessKey: SecretAccessKey };
  if (typeof SessionToken === 'string' && SessionToken !== '') credentials.sessionToken = SessionToken;
  if (Expiration !== undefined) {
    const expiration = new Date(String(Expiration));
    if (Number.isNaN(expiration.getTime()) || expiration.getTime() < Date.now()) {
      throw processFailure(profile, `the credential_process of AWS profile "${profile}" returned expired credentials`);
    }
    credentials.expiration = expiration;
  }
  return credentials;
}

function processFailure(profile: string, what: string): AppError {
  return new AppError(
    'AWS_CREDENTIALS_MISSING',
    `No credentials: ${what}. Its command line and output are not shown: they can hold secrets.`,
    `Run the credential_process command of profile "${profile}" (in ~/.aws/config) in a terminal to see its error, fix it, then try again.`,
  );
}
