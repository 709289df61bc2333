import { describe, expect, it } from 'vitest';
import { maskVolatile } from '../../../main/services/correlation/processing/mask-volatile';
import { TOKEN_3, TOKEN_4 } from './fixtures';

describe('maskVolatile', () => {
  it.each([
    ['order 1234 not found', 'order <n> not found'],
    ['took 12.5s after 3 retries', 'took <n>s after <n> retries'],
    ["KeyError: 'user_id'", 'KeyError: <str>'],
    ['no such column "created_at"', 'no such column <str>'],
    ['missing `tenant` header', 'missing <str> header'],
    ['user 0b7c7a43-5d2e-4c1a-9a53-2f2b8f1e6d10 locked', 'user <uuid> locked'],
    ['at 2024-01-24T04:27:39.324Z the job failed', 'at <ts> the job failed'],
    ['at 2024-01-24 04:27:39,324 the job failed', 'at <ts> the job failed'],
    ['since 2024-01-24T04:27:39+02:00', 'since <ts>'],
    ['mail to jane.doe+test@example.co.uk bounced', 'mail to <email> bounced'],
    ['connect ECONNREFUSED 10.0.3.17:5432', 'connect ECONNREFUSED <ip>'],
    ['peer 2001:db8:85a3:0:0:8a2e:370:7334 reset', 'peer <ip> reset'],
    ['bad pointer 0xc0001a2000', 'bad pointer <hex>'],
    ['commit 9f2c1e7ab3 missing', 'commit <hex> missing'],
    ['charge ch_3MmlLrLkdIwHu7ix0snN0B15 declined', 'charge <id> declined'],
    [`token ${TOKEN_4} expired`, 'token <token> expired'],
    [`token ${TOKEN_3} expired`, 'token <token> expired'],
  ])('%s', (input, masked) => {
    expect(maskVolatile(input)).toBe(masked);
  });

  it('removes the session tags wherever they appear', () => {
    expect(maskVolatile(`"[openReplaySessionToken=${TOKEN_4}] 'user_id'"`)).toBe('<str>');
    expect(maskVolatile(`[openReplaySessionToken=${TOKEN_3}] boom`)).toBe('boom');
    expect(maskVolatile('charge failed openReplaySession.id=2618307011354435587')).toBe('charge failed');
    expect(maskVolatile(`charge failed openReplaySessionToken=${TOKEN_4} order=7`)).toBe('charge failed order=<n>');
  });

  it('keeps English apostrophes, words and times-of-day that are not values', () => {
    expect(maskVolatile("can't find the user's cart")).toBe("can't find the user's cart");
    expect(maskVolatile('Cannot read properties of undefined')).toBe('Cannot read properties of undefined');
    expect(maskVolatile('deadbeef cafe')).toBe('deadbeef cafe');
    expect(maskVolatile('ERR_INVALID_ARG_TYPE_SOMETHING_LONG')).toBe('ERR_INVALID_ARG_TYPE_SOMETHING_LONG');
  });

  it('gives two occurrences of one error the same mask', () => {
    const a = maskVolatile("Order 1001 for 'alice@example.com' failed at 2024-01-24T04:27:39Z (req 8c1d2e3f-0000-4000-8000-000000000001)");
    const b = maskVolatile("Order 77 for 'bob@example.org' failed at 2024-01-25T11:02:03Z (req 1f2e3d4c-1111-4111-8111-111111111111)");
    expect(a).toBe(b);
  });

  it('collapses whitespace and bounds very long messages', () => {
    expect(maskVolatile('  a \t b\n c  ')).toBe('a b c');
    expect(maskVolatile('x'.repeat(5000)).length).toBe(1000);
  });
});
