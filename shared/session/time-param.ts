import { EARLIEST_TIME_MS, LATEST_TIME_MS } from './limits';
import { accept, refuse, type Parsed } from './parse-result';

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Date.parse rolls 2024-02-30 over to March and accepts 24:00; a typo must not become another day. */
function isRealDateTime(match: RegExpExecArray): boolean {
  const [, y, mo, d, h] = match.map(Number);
  if (y === undefined || mo === undefined || d === undefined || h === undefined) return false;
  if (h > 23) return false;
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** A deep link's from/to: epoch milliseconds, or ISO 8601 with an explicit zone (never local time). */
export function parseTimeParam(name: string, raw: string, hint: string): Parsed<number> {
  let value: number;
  const match = ISO_DATE_TIME.exec(raw);
  if (/^[0-9]{1,16}$/.test(raw)) value = Number(raw);
  else if (match && isRealDateTime(match)) value = Date.parse(raw);
  else return refuse(`${name} must be epoch milliseconds or an ISO 8601 time with a zone`, hint);
  if (!Number.isFinite(value)) return refuse(`${name} is not a valid date`, hint);
  if (value < EARLIEST_TIME_MS || value > LATEST_TIME_MS) {
    return refuse(`${name} is outside 2019–2100`, hint);
  }
  return accept(value);
}
