import { z } from 'zod';
import { AppError } from '../../../shared/errors';

/** What a `keys` connection keeps in the keychain entry (account = connection id), as JSON. */
export const awsKeySecretSchema = z.object({
  accessKeyId: z.string().min(1),
  secretAccessKey: z.string().min(1),
  sessionToken: z.string().min(1).optional(),
});
export type AwsKeySecret = z.infer<typeof awsKeySecretSchema>;

export function encodeAwsKeySecret(keys: AwsKeySecret): string {
  const { accessKeyId, secretAccessKey, sessionToken } = keys;
  return JSON.stringify(sessionToken ? { accessKeyId, secretAccessKey, sessionToken } : { accessKeyId, secretAccessKey });
}

export function decodeAwsKeySecret(text: string, connectionName: string): AwsKeySecret {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const result = awsKeySecretSchema.safeParse(parsed);
  // Never echo the entry: it is the secret.
  if (!result.success) {
    throw new AppError(
      'AWS_CREDENTIALS_MISSING',
      `The keychain entry of connection "${connectionName}" is not in the format orcw writes.`,
      'Edit the connection and enter its access keys again.',
    );
  }
  return result.data;
}
