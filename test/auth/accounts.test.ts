import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AccountError,
  addTherapist,
  checkDisplayName,
  checkRole,
  checkUsername,
  defaultRole,
  disableAccount,
  enableAccount,
  removeTherapistAccount,
  setAccountRole,
} from '../../server/auth/accounts.js';
import type { Role } from '../../server/protocol.js';
import { openSqliteStore, type SqliteStore } from '../../server/store/sqlite.js';

const PASSWORD = 'a long enough passphrase';

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

describe('roles and disabled accounts', () => {
  let dir: string;
  let store: SqliteStore;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sst-accounts-'));
    store = openSqliteStore(path.join(dir, 'sst.db'));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const ONLY_LEAD = (username: string, change: string) =>
    `"${username}" is the only enabled lead, so it cannot be ${change}: make another account a lead first, so someone can still see the service report and manage accounts.`;

  it('makes the first account a lead and later ones therapists, unless a role is given', async () => {
    expect(await defaultRole(store)).toBe('lead');
    const first = await addTherapist(store, { username: 'sam', password: PASSWORD });
    const second = await addTherapist(store, { username: 'alex', password: PASSWORD });
    const lead = await addTherapist(store, { username: 'kim', password: PASSWORD, role: 'lead' });
    expect([first.role, second.role, lead.role]).toEqual(['lead', 'therapist', 'lead']);
  });

  it('honours an explicit therapist role for the very first account', async () => {
    expect((await addTherapist(store, { username: 'sam', password: PASSWORD, role: 'therapist' })).role).toBe('therapist');
    // Still no lead: the next account without a role becomes one.
    expect((await addTherapist(store, { username: 'alex', password: PASSWORD })).role).toBe('lead');
  });

  it('keeps at least one enabled lead: no disabling, demoting or removing the last one', async () => {
    await addTherapist(store, { username: 'sam', password: PASSWORD });
    await addTherapist(store, { username: 'alex', password: PASSWORD });
    await expect(disableAccount(store, 'Sam')).rejects.toThrow(new AccountError(ONLY_LEAD('sam', 'disabled')));
    await expect(setAccountRole(store, 'sam', 'therapist')).rejects.toThrow(new AccountError(ONLY_LEAD('sam', 'made a therapist account')));
    await expect(removeTherapistAccount(store, 'sam')).rejects.toThrow(new AccountError(ONLY_LEAD('sam', 'removed')));
    expect(await store.therapistByUsername('sam')).toMatchObject({ role: 'lead', disabled: false });

    // With a second lead, the first can step down.
    expect((await setAccountRole(store, 'alex', 'lead')).role).toBe('lead');
    expect((await setAccountRole(store, 'sam', 'therapist')).role).toBe('therapist');
    expect((await disableAccount(store, 'sam')).disabled).toBe(true);
    expect((await enableAccount(store, 'SAM')).disabled).toBe(false);
  });

  it('refuses a lead disabling their own account, an unknown role and an unknown account', async () => {
    await addTherapist(store, { username: 'sam', password: PASSWORD });
    await addTherapist(store, { username: 'alex', password: PASSWORD, role: 'lead' });
    await expect(disableAccount(store, 'alex', { by: 'ALEX' })).rejects.toThrow(
      new AccountError('You cannot disable your own account. Another lead can do it if it is needed.'),
    );
    expect((await disableAccount(store, 'alex', { by: 'sam' })).disabled).toBe(true);

    expect(() => checkRole('boss')).toThrow(new AccountError('"boss" is not a role: use lead or therapist.'));
    await expect(setAccountRole(store, 'sam', 'admin' as Role)).rejects.toThrow('"admin" is not a role');
    await expect(addTherapist(store, { username: 'kim', password: PASSWORD, role: 'owner' as Role })).rejects.toThrow('"owner" is not a role');
    for (const attempt of [() => disableAccount(store, 'nobody'), () => enableAccount(store, 'nobody'), () => setAccountRole(store, 'nobody', 'lead')]) {
      await expect(attempt()).rejects.toThrow('There is no therapist account named "nobody".');
    }
  });
});
