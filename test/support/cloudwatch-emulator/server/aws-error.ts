/**
 * An error as CloudWatch Logs puts it on the wire (awsJson1_1): an HTTP status and a body
 * `{"__type": "<Shape>", "message": "..."}` plus any modelled members (e.g. queryCompileError).
 */
export class AwsError extends Error {
  readonly type: string;
  readonly status: number;
  readonly extra: Record<string, unknown>;

  constructor(type: string, message: string, status = 400, extra: Record<string, unknown> = {}) {
    super(message);
    this.type = type;
    this.status = status;
    this.extra = extra;
  }

  body(): string {
    return JSON.stringify({ __type: this.type, message: this.message, ...this.extra });
  }
}

export const invalidParameter = (message: string): AwsError => new AwsError('InvalidParameterException', message);

export const resourceNotFound = (message: string): AwsError => new AwsError('ResourceNotFoundException', message);

/** AWS's wording for a model constraint violation. */
export function validationError(member: string, value: unknown, constraint: string): AwsError {
  const shown = value === undefined || value === null ? 'null' : `'${String(value)}'`;
  return invalidParameter(`1 validation error detected: Value ${shown} at '${member}' failed to satisfy constraint: ${constraint}`);
}
