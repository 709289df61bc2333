import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { deriveTimeWindow, type SessionReference } from '../../../shared/session/reference';
import { EXAMPLE_EXP, EXAMPLE_ID, EXAMPLE_START, HOUR, MINUTE } from './fixtures';

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
    expect(deriveTimeWindow(idRef, { now: LATER })).toEqual({ from: EXAMPLE_START - 5 * MINUTE, to: EXAMPLE_START + 2 * HOUR + 5 * MINUTE });
  });

  it('uses the given margin, including 0 and 24 h', () => {
    expect(deriveTimeWindow(tokenRef, { now: LATER, marginMs: 30_000 })).toEqual({ from: EXAMPLE_START - 30_000, to: EXAMPLE_EXP + 30_000 });
    expect(deriveTimeWindow(tokenRef, { now: LATER, marginMs: 0 })).toEqual({ from: EXAMPLE_START, to: EXAMPLE_EXP });
    expect(deriveTimeWindow(tokenRef, { now: LATER * 2, marginMs: 24 * HOUR })).toEqual({ from: EXAMPLE_START - 24 * HOUR, to: EXAMPLE_EXP + 24 * HOUR });
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
    expect(deriveTimeWindow(ref, { now: LATER, to: EXAMPLE_START + HOUR })).toEqual({ from: EXAMPLE_START + MINUTE, to: EXAMPLE_START + HOUR });
  });

  it('clips an override past now, too', () => {
    expect(deriveTimeWindow(tokenRef, { now: LATER, from: EXAMPLE_START, to: LATER + HOUR })).toEqual({ from: EXAMPLE_START, to: LATER });
  });

  it('refuses from ≥ to', () => {
    expect(thrown(() => deriveTimeWindow(tokenRef, { now: LATER, from: EXAMPLE_START, to: EXAMPLE_START })).message).toBe('from must be before to');
    expect(thrown(() => deriveTimeWindow(tokenRef, { now: LATER, from: EXAMPLE_START + 1, to: EXAMPLE_START })).message).toBe('from must be before to');
    expect(thrown(() => deriveTimeWindow(tokenRef, { now: LATER, from: EXAMPLE_EXP + HOUR })).message).toBe('from must be before to');
  });

  it('refuses a window that starts after now (a wrong clock or a future session)', () => {
    expect(thrown(() => deriveTimeWindow(tokenRef, { now: EXAMPLE_START - 5 * MINUTE })).message).toMatch(/^the time window starts after now/);
    expect(deriveTimeWindow(tokenRef, { now: EXAMPLE_START - 5 * MINUTE + 1 })).toEqual({ from: EXAMPLE_START - 5 * MINUTE, to: EXAMPLE_START - 5 * MINUTE + 1 });
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
