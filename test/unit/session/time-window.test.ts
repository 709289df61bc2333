import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { deriveTimeWindow, type SessionReference } from '../../../shared/session/reference';
import { EXAMPLE_EXP, EXAMPLE_ID, EXAMPLE_START, HOUR, MINUTE } from './fixtures';

const DAY = 24 * HOUR;

const LATER = EXAMPLE_EXP + 24 * HOUR;
const tokenRef: SessionReference = { kind: 'token', sessionId: EXAMPLE_ID, start: EXAMPLE_START, end: EXAMPLE_EXP, expiresAt: EXAMPLE_EXP };
const idRef: SessionReference = { kind: 'session-id', sessionId: EXAMPLE_ID, start: EXAMPLE_START, end: EXAMPLE_START + 2 * HOUR };

function thrown(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('INVALID_INPUT');
    return error as AppError;
  }
  throw new Error('expected a throw');
}

describe('deriveTimeWindow', () => {
  it('is [start − 5 min, expiry + 5 min] for a token', () => {
    expect(deriveTimeWindow(tokenRef, { now: LATER })).toEqual({ from: EXAMPLE_START - 5 * MINUTE, to: EXAMPLE_EXP + 5 * MINUTE });
  });

  it('is [start − 5 min, start + 2 h + 5 min] for an ID', () => {
    expect(deriveTimeWindow(idRef, { now: LATER })).toEqual({
      from: EXAMPLE_START - 5 * MINUTE,
      to: EXAMPLE_START + 2 * HOUR + 5 * MINUTE,
    });
  });

  it('uses the given margin, including 0 and 24 h', () => {
    expect(deriveTimeWindow(tokenRef, { now: LATER, marginMs: 30_000 })).toEqual({
      from: EXAMPLE_START - 30_000,
      to: EXAMPLE_EXP + 30_000,
    });
    expect(deriveTimeWindow(tokenRef, { now: LATER, marginMs: 0 })).toEqual({ from: EXAMPLE_START, to: EXAMPLE_EXP });
    expect(deriveTimeWindow(tokenRef, { now: LATER * 2, marginMs: 24 * HOUR })).toEqual({
      from: EXAMPLE_START - 24 * HOUR,
      to: EXAMPLE_EXP + 24 * HOUR,
    });
  });

  it('clips the end to now for a session still running', () => {
    const now = EXAMPLE_START + 10 * MINUTE;
    expect(deriveTimeWindow(tokenRef, { now })).toEqual({ from: EXAMPLE_START - 5 * MINUTE, to: now });
  });

  it('takes a deep link’s from/to over the derived ones', () => {
    const ref = { ...tokenRef, from: EXAMPLE_START + MINUTE, to: EXAMPLE_START + 2 * MINUTE };
    expect(deriveTimeWindow(ref, { now: LATER })).toEqual({ from: EXAMPLE_START + MINUTE, to: EXAMPLE_START + 2 * MINUTE });
    expect(deriveTimeWindow({ ...tokenRef, from: EXAMPLE_START + MINUTE }, { now: LATER })).toEqual({
      from: EXAMPLE_START + MINUTE,
      to: EXAMPLE_EXP + 5 * MINUTE,
    });
  });

  it('takes per-run from/to over the deep link’s, each on its own', () => {
    const ref = { ...tokenRef, from: EXAMPLE_START + MINUTE, to: EXAMPLE_START + 2 * MINUTE };
    expect(deriveTimeWindow(ref, { now: LATER, from: EXAMPLE_START - HOUR, to: EXAMPLE_START + HOUR })).toEqual({
      from: EXAMPLE_START - HOUR,
      to: EXAMPLE_START + HOUR,
    });
    expect(deriveTimeWindow(ref, { now: LATER, to: EXAMPLE_START + HOUR })).toEqual({
      from: EXAMPLE_START + MINUTE,
      to: EXAMPLE_START + HOUR,
    });
  });

  it('clips an override past now, too', () => {
    const soon = EXAMPLE_EXP + HOUR;
    expect(deriveTimeWindow(tokenRef, { now: soon, from: EXAMPLE_START, to: soon + HOUR })).toEqual({ from: EXAMPLE_START, to: soon });
  });

  it('refuses an explicit window that strays more than a day from the session or lasts over 7 days, naming the limit', () => {
    const refusal = (options: { from?: number; to?: number }, ref: SessionReference = tokenRef) => {
      const error = thrown(() => deriveTimeWindow(ref, { now: LATER, ...options }));
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.hint).toContain('within 1 day of the session (start to end) and be at most 7 days long');
      return error.message;
    };
    expect(refusal({ from: EXAMPLE_START - DAY - 1 })).toBe(
      `from (${new Date(EXAMPLE_START - DAY - 1).toISOString()}) is more than 1 day before the session start (${new Date(EXAMPLE_START).toISOString()})`,
    );
    expect(refusal({ to: EXAMPLE_EXP + DAY + 1 })).toMatch(/^to \(.*\) is more than 1 day after the session end/);
    // The 2,741-day scan, as the per-run override and as a link's own from.
    expect(refusal({ from: Date.UTC(2019, 5, 1) })).toMatch(/more than 1 day before the session start/);
    expect(refusal({}, { ...tokenRef, from: Date.UTC(2019, 5, 1) })).toMatch(/more than 1 day before the session start/);
    // Both edges are allowed; the length cap still holds for a long session.
    expect(deriveTimeWindow(tokenRef, { now: LATER, from: EXAMPLE_START - DAY, to: EXAMPLE_EXP + DAY })).toEqual({
      from: EXAMPLE_START - DAY,
      to: EXAMPLE_EXP + DAY,
    });
    const week = { ...tokenRef, end: EXAMPLE_START + 7 * DAY };
    expect(refusal({ from: EXAMPLE_START - HOUR }, week)).toBe('the time window is 7.1 days long; at most 7 days are allowed');
  });

  it('refuses from ≥ to', () => {
    expect(thrown(() => deriveTimeWindow(tokenRef, { now: LATER, from: EXAMPLE_START, to: EXAMPLE_START })).message).toBe(
      'from must be before to',
    );
    expect(thrown(() => deriveTimeWindow(tokenRef, { now: LATER, from: EXAMPLE_START + 1, to: EXAMPLE_START })).message).toBe(
      'from must be before to',
    );
    expect(thrown(() => deriveTimeWindow(tokenRef, { now: LATER, from: EXAMPLE_EXP + HOUR })).message).toBe('from must be before to');
  });

  it('refuses a window that starts after now (a wrong clock or a future session)', () => {
    expect(thrown(() => deriveTimeWindow(tokenRef, { now: EXAMPLE_START - 5 * MINUTE })).message).toMatch(
      /^the time window starts after now/,
    );
    expect(deriveTimeWindow(tokenRef, { now: EXAMPLE_START - 5 * MINUTE + 1 })).toEqual({
      from: EXAMPLE_START - 5 * MINUTE,
      to: EXAMPLE_START - 5 * MINUTE + 1,
    });
  });

  it.each([
    [{ marginMs: -1 }, 'margin must be between 0 and 24 hours'],
    [{ marginMs: 24 * HOUR + 1 }, 'margin must be between 0 and 24 hours'],
    [{ marginMs: Number.NaN }, 'margin is not a finite number'],
    [{ from: Number.POSITIVE_INFINITY }, 'from is not a finite number'],
    [{ to: Number.NaN }, 'to is not a finite number'],
  ])('refuses %j', (options, message) => {
    expect(thrown(() => deriveTimeWindow(tokenRef, { now: LATER, ...options })).message).toBe(message);
  });

  it('refuses a bad now or a hand-made reference without times', () => {
    expect(thrown(() => deriveTimeWindow(tokenRef, { now: Number.NaN })).message).toBe('now is not a finite number');
    const broken = { ...tokenRef, start: Number.NaN } as SessionReference;
    expect(thrown(() => deriveTimeWindow(broken, { now: LATER })).message).toBe('session start is not a finite number');
  });

  it('never reaches back further than the session needs, whatever now is', () => {
    for (const now of [EXAMPLE_EXP, LATER, LATER * 10]) {
      expect(deriveTimeWindow(idRef, { now }).from).toBe(EXAMPLE_START - 5 * MINUTE);
    }
  });
});
