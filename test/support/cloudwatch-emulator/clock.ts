/**
 * The service's clock: it drives the query lifecycle (Scheduled → Running → final, the 60-minute
 * timeout), GetQueryResults token expiry (1 hour) and PutLogEvents' age checks. Tests move it
 * instead of waiting an hour. SigV4's 15-minute skew check stays on the wall clock, because
 * clients sign with theirs.
 */
export class EmulatorClock {
  private offsetMs = 0;
  private pausedAt: number | undefined;

  now(): number {
    return (this.pausedAt ?? Date.now()) + this.offsetMs;
  }

  /** Jumps forward (or back, with a negative value). */
  advance(ms: number): void {
    if (!Number.isFinite(ms)) throw new Error(`cloudwatch-emulator: clock.advance needs a finite number, got ${ms}`);
    this.offsetMs += ms;
  }

  /** Stops the clock where it is: from now on only advance() moves it. */
  pause(): void {
    this.pausedAt ??= Date.now();
  }

  /** Lets it run again from where it stands, without a jump. */
  resume(): void {
    if (this.pausedAt === undefined) return;
    this.offsetMs += this.pausedAt - Date.now();
    this.pausedAt = undefined;
  }
}
