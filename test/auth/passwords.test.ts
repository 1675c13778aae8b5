import { describe, expect, it } from 'vitest';
import { MIN_PASSWORD_LENGTH, WeakPasswordError, hashPassword, verifyPassword } from '../../server/auth/passwords.js';

describe('passwords', () => {
  it('stores scrypt parameters, a random salt and the hash, and verifies only the right password', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(stored).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    const [, N, r, p, salt, key] = stored.split('$');
    expect(Number(N)).toBeGreaterThanOrEqual(16384);
    expect([Number(r), Number(p)]).toEqual([8, 1]);
    expect(Buffer.from(salt!, 'base64')).toHaveLength(16);
    expect(Buffer.from(key!, 'base64')).toHaveLength(64);

    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
    expect(await hashPassword('correct horse battery')).not.toBe(stored);
  });

  it('accepts the same password typed in either Unicode form', async () => {
    const composed = 'caf\u00e9 au lait please';
    const decomposed = 'cafe\u0301 au lait please';
    expect(await verifyPassword(decomposed, await hashPassword(composed))).toBe(true);
  });

  it(`refuses a password shorter than ${MIN_PASSWORD_LENGTH} characters with a sentence`, async () => {
    await expect(hashPassword('short')).rejects.toBeInstanceOf(WeakPasswordError);
    await expect(hashPassword('123456789')).rejects.toThrow('The password is too short: use at least 10 characters');
    await expect(hashPassword('          ')).rejects.toThrow('cannot be only spaces');
    await expect(hashPassword('1234567890')).resolves.toMatch(/^scrypt\$/);
  });

  it('treats a malformed or absurd stored value as a mismatch, without trying it', async () => {
    const stored = await hashPassword('correct horse battery');
    const parts = stored.split('$');
    expect(await verifyPassword('correct horse battery', 'not a hash')).toBe(false);
    expect(await verifyPassword('correct horse battery', ['bcrypt', ...parts.slice(1)].join('$'))).toBe(false);
    expect(await verifyPassword('correct horse battery', ['scrypt', String(2 ** 30), ...parts.slice(2)].join('$'))).toBe(false);
    expect(await verifyPassword('correct horse battery', ['scrypt', '1000', ...parts.slice(2)].join('$'))).toBe(false);
  });
});
