import { describe, expect, it } from 'vitest';
import keytar from 'keytar';

describe('keyring session', () => {
  it('stores and reads back a secret through the real Secret Service', async () => {
    await keytar.setPassword('orcw-smoke', 'acct', 's3cret');
    expect(await keytar.getPassword('orcw-smoke', 'acct')).toBe('s3cret');
    await keytar.deletePassword('orcw-smoke', 'acct');
  });
});
