import { describe, expect, it } from 'vitest';
import { AccountError, checkDisplayName, checkUsername } from '../../server/auth/accounts.js';

describe('account rules', () => {
  it('accepts usernames people use, including an email address', () => {
    for (const name of ['sam', 'Sam.R', 'sam_r-2', 'sam@clinic.example']) expect(checkUsername(name)).toBe(name);
  });

  it('refuses usernames with spaces, non-ASCII letters, a leading symbol or the wrong length', () => {
    for (const name of ['s', 'sam r', 'zoë', '-sam', 'x'.repeat(65), '']) expect(() => checkUsername(name)).toThrow(AccountError);
  });

  it('tidies the display name clients see, and refuses an empty or overlong one', () => {
    expect(checkDisplayName('  Sam   R ')).toBe('Sam R');
    expect(checkDisplayName('Zoë')).toBe('Zoë');
    expect(() => checkDisplayName('   ')).toThrow('The display name must contain visible characters');
    expect(() => checkDisplayName('x'.repeat(61))).toThrow('at most 60 characters');
    expect(() => checkDisplayName('Sam\u0007')).toThrow(AccountError);
  });
});
