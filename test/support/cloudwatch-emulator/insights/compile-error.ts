import { AwsError } from '../server/aws-error';

/**
 * MalformedQueryException with the offending span, as StartQuery reports it. Offsets are
 * character offsets into the query string; `end` is exclusive.
 */
export class QueryCompileError extends Error {
  readonly start: number;
  readonly end: number;

  constructor(message: string, start: number, end: number) {
    super(message);
    this.start = start;
    this.end = Math.max(end, start + 1);
  }

  toAwsError(): AwsError {
    const message = `${this.message} (at position ${this.start})`;
    return new AwsError('MalformedQueryException', message, 400, {
      queryCompileError: { location: { startCharOffset: this.start, endCharOffset: this.end }, message },
    });
  }
}
