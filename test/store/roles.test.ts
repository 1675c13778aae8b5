/** Roles and disabled accounts in the SQLite store. */
import { describe, expect, it } from 'vitest';
import { LastLeadError } from '../../server/store/store.js';
import { T0, at, therapist, useTempStore } from './temp-store.js';

const { open } = useTempStore();

describe('roles', () => {
  it('makes a therapist unless told otherwise, and changes the role by username in any letter case', async () => {
    const store = open();
    expect(await therapist(store, 'sam', 'lead')).toMatchObject({ role: 'lead', disabled: false });
    const plain = await store.createTherapist({ id: 't-alex', username: 'alex', displayName: 'Alex', passwordHash: 'x', now: T0 });
    expect(plain).toMatchObject({ role: 'therapist', disabled: false });
    expect(await store.countActiveLeads()).toBe(1);

    expect(await store.setRole('ALEX', 'lead')).toBe(true);
    expect((await store.therapistById('t-alex'))?.role).toBe('lead');
    expect(await store.countActiveLeads()).toBe(2);
    expect(await store.setRole('nobody', 'lead')).toBe(false);
    expect((await store.listTherapists()).map((t) => [t.username, t.role])).toEqual([
      ['alex', 'lead'],
      ['sam', 'lead'],
    ]);
  });

  it('refuses to demote or disable the last enabled lead, changing nothing', async () => {
    const store = open();
    await therapist(store, 'sam', 'lead');
    await therapist(store, 'alex');
    await expect(store.setRole('sam', 'therapist')).rejects.toBeInstanceOf(LastLeadError);
    await expect(store.setDisabled('sam', true)).rejects.toBeInstanceOf(LastLeadError);
    await expect(store.removeTherapist('sam')).rejects.toBeInstanceOf(LastLeadError);
    expect(await store.therapistByUsername('sam')).toMatchObject({ role: 'lead', disabled: false });

    // A lead stays a lead (no change, no refusal); therapists can come and go.
    expect(await store.setRole('sam', 'lead')).toBe(true);
    expect(await store.setDisabled('alex', true)).toBe(true);

    // A disabled lead does not count: with alex a disabled lead, sam is still the last enabled one.
    expect(await store.setRole('alex', 'lead')).toBe(true);
    expect(await store.countActiveLeads()).toBe(1);
    await expect(store.setDisabled('sam', true)).rejects.toBeInstanceOf(LastLeadError);
    // A disabled lead may be demoted: it is not the one keeping the report reachable.
    expect(await store.setRole('alex', 'therapist')).toBe(true);
  });

  it('lets only one of two leads demoting each other from two connections at once succeed', async () => {
    const [one, two] = [open(), open()];
    await therapist(one, 'sam', 'lead');
    await therapist(one, 'alex', 'lead');
    const results = await Promise.allSettled([one.setRole('sam', 'therapist'), two.setRole('alex', 'therapist')]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected' && r.reason instanceof LastLeadError)).toHaveLength(1);
    expect(await two.countActiveLeads()).toBe(1);
  });
});

describe('disabled accounts', () => {
  it('signs a disabled account out everywhere and refuses its sessions until it is enabled again', async () => {
    const store = open();
    await therapist(store, 'lead', 'lead');
    await therapist(store, 'sam');
    await store.createSession({ tokenHash: 'h1', therapistId: 't-sam', expiresAt: at(60) });
    await store.createSession({ tokenHash: 'h2', therapistId: 't-sam', expiresAt: at(60) });
    await store.createSession({ tokenHash: 'lead-h', therapistId: 't-lead', expiresAt: at(60) });

    expect(await store.setDisabled('SAM', true)).toBe(true);
    expect(await store.therapistByUsername('sam')).toMatchObject({ disabled: true, role: 'therapist' });
    expect(await store.sessionByTokenHash('h1', T0)).toBeNull();
    expect(await store.sessionByTokenHash('h2', T0)).toBeNull();
    // Other accounts are not affected.
    expect(await store.sessionByTokenHash('lead-h', T0)).toEqual({ therapistId: 't-lead', expiresAt: at(60) });

    // Even a session that somehow exists for a disabled account is not honoured.
    await store.createSession({ tokenHash: 'h3', therapistId: 't-sam', expiresAt: at(60) });
    expect(await store.sessionByTokenHash('h3', T0)).toBeNull();
    expect(await store.setDisabled('sam', true)).toBe(true);

    expect(await store.setDisabled('sam', false)).toBe(true);
    expect((await store.therapistByUsername('sam'))?.disabled).toBe(false);
    await store.createSession({ tokenHash: 'h4', therapistId: 't-sam', expiresAt: at(60) });
    expect(await store.sessionByTokenHash('h4', T0)).toEqual({ therapistId: 't-sam', expiresAt: at(60) });

    expect(await store.setDisabled('nobody', true)).toBe(false);
    expect(await store.countTherapists()).toBe(2);
  });
});
