import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../server/auth/passwords.js';
import { openSqliteStore } from '../../server/store/sqlite.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const PASSWORD = 'first passphrase here';
const NEW_PASSWORD = 'second passphrase here';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

let dir: string;
let db: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sst-cli-'));
  db = path.join(dir, 'data', 'sst.db');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `npm run therapist -- ...args` the way npm does (tsx), with its own environment and stdin. */
function therapist(args: string[], options: { password?: string; stdin?: string } = {}): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, SST_DB: db };
  delete env.SST_THERAPIST_PASSWORD;
  if (options.password !== undefined) env.SST_THERAPIST_PASSWORD = options.password;
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', 'scripts/therapist.ts', ...args],
      { cwd: repoRoot, env },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(options.stdin ?? '');
  });
}

async function stored(username: string) {
  const store = openSqliteStore(db);
  try {
    return await store.therapistByUsername(username);
  } finally {
    await store.close();
  }
}

/** Nothing the tool prints may contain a password or a hash. */
function expectNoSecrets(run: Run) {
  for (const secret of [PASSWORD, NEW_PASSWORD, 'scrypt$']) expect(run.stdout + run.stderr).not.toContain(secret);
}

describe('npm run therapist', { timeout: 60_000 }, () => {
  it('lists no accounts at first, with the command to add one', async () => {
    const run = await therapist(['list']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('No therapist accounts yet. Add one with: npm run therapist -- add <username> --name "Display name"');
  });

  it('adds an account with a display name, from SST_THERAPIST_PASSWORD; the first one is a lead, and it says so', async () => {
    const run = await therapist(['add', 'sam', '--name', 'Sam R'], { password: PASSWORD });
    expect(run).toEqual({
      code: 0,
      stdout:
        'Added lead "sam"; clients will see them as "Sam R".\n' +
        '"sam" is a lead because the service had no lead yet: leads also see the service report and manage accounts in the console. (Use --role therapist to add a therapist instead.)\n',
      stderr: '',
    });
    expectNoSecrets(run);
    const sam = await stored('sam');
    expect(sam).toMatchObject({ displayName: 'Sam R', role: 'lead', disabled: false });
    expect(await verifyPassword(PASSWORD, sam!.passwordHash)).toBe(true);
  });

  it('reads the password from one line of stdin when it is not a terminal; the display name defaults to the username', async () => {
    const run = await therapist(['add', 'alex'], { stdin: `${PASSWORD}\n` });
    expect(run).toMatchObject({ code: 0, stdout: 'Added therapist "alex"; clients will see them as "alex".\n' });
    expectNoSecrets(run);
    expect(await verifyPassword(PASSWORD, (await stored('alex'))!.passwordHash)).toBe(true);
    expect((await stored('alex'))?.role).toBe('therapist');
  });

  it('lists the accounts, their roles and status, without any hash', async () => {
    const run = await therapist(['list']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^USERNAME\s+DISPLAY NAME\s+ROLE\s+STATUS\s+CREATED$/);
    expect(lines.slice(1).map((l) => l.split(/\s{2,}/).slice(0, 4))).toEqual([
      ['alex', 'alex', 'therapist', 'enabled'],
      ['sam', 'Sam R', 'lead', 'enabled'],
    ]);
    expectNoSecrets(run);
  });

  it('adds with a chosen role, and changes roles, keeping at least one lead', async () => {
    const kim = await therapist(['add', 'kim', '--role', 'lead'], { password: PASSWORD });
    expect(kim).toEqual({ code: 0, stdout: 'Added lead "kim"; clients will see them as "kim".\n', stderr: '' });

    // The role is checked before a password is asked for (none is given here).
    const [boss, misplaced, noRole, badRole] = await Promise.all([
      therapist(['add', 'jo', '--role', 'boss']),
      therapist(['disable', 'alex', '--role', 'lead']),
      therapist(['set-role', 'kim']),
      therapist(['set-role', 'kim', 'admin']),
    ]);
    expect(boss).toEqual({ code: 1, stdout: '', stderr: '"boss" is not a role: use lead or therapist.\n' });
    expect(misplaced).toMatchObject({ code: 1, stderr: '--role only goes with add; to change a role use: npm run therapist -- set-role alex lead|therapist\n' });
    expect(noRole).toMatchObject({ code: 1, stderr: 'set-role takes a username and a role, e.g. npm run therapist -- set-role sam lead\n' });
    expect(badRole).toMatchObject({ code: 1, stderr: '"admin" is not a role: use lead or therapist.\n' });
    expect(await stored('jo')).toBeNull();

    const down = await therapist(['set-role', 'KIM', 'therapist']);
    expect(down).toEqual({ code: 0, stdout: '"kim" is now a therapist: they no longer see the service report or manage accounts.\n', stderr: '' });
    const last = await therapist(['set-role', 'sam', 'therapist']);
    expect(last).toEqual({
      code: 1,
      stdout: '',
      stderr: '"sam" is the only enabled lead, so it cannot be made a therapist account: make another account a lead first, so someone can still see the service report and manage accounts.\n',
    });
    expect((await stored('sam'))?.role).toBe('lead');

    const up = await therapist(['set-role', 'kim', 'lead']);
    expect(up.stdout).toBe('"kim" is now a lead: leads also see the service report and manage accounts in the console.\n');
    expect((await therapist(['set-role', 'kim', 'lead'])).stdout).toBe('"kim" is already a lead.\n');
    expect((await stored('kim'))?.role).toBe('lead');
  });

  it('disables an account (signing it out everywhere) and enables it again', async () => {
    const alex = (await stored('alex'))!;
    const store = openSqliteStore(db);
    await store.createSession({ tokenHash: 'alex-session', therapistId: alex.id, expiresAt: '2999-01-01T00:00:00.000Z' });
    await store.close();

    const off = await therapist(['disable', 'Alex']);
    expect(off).toEqual({
      code: 0,
      stdout: 'Disabled "alex". They are signed out everywhere and cannot sign in until enabled again with: npm run therapist -- enable alex\n',
      stderr: '',
    });
    expect((await stored('alex'))?.disabled).toBe(true);
    const check = openSqliteStore(db);
    expect(await check.sessionByTokenHash('alex-session', new Date().toISOString())).toBeNull();
    await check.close();
    expect((await therapist(['disable', 'alex'])).stdout).toBe('"alex" is already disabled.\n');
    const listed = (await therapist(['list'])).stdout.split('\n').find((l) => l.startsWith('alex'));
    expect(listed?.split(/\s{2,}/).slice(2, 4)).toEqual(['therapist', 'disabled']);

    const on = await therapist(['enable', 'alex']);
    expect(on).toEqual({ code: 0, stdout: 'Enabled "alex". They can sign in again with their password.\n', stderr: '' });
    expect((await stored('alex'))?.disabled).toBe(false);
    expect((await therapist(['enable', 'alex'])).stdout).toBe('"alex" is already enabled.\n');

    // Of two leads one may be disabled; then the other is the last and stays.
    expect((await therapist(['disable', 'kim'])).code).toBe(0);
    const last = await therapist(['disable', 'sam']);
    expect(last).toMatchObject({ code: 1, stdout: '' });
    expect(last.stderr).toContain('"sam" is the only enabled lead, so it cannot be disabled');
    expect((await therapist(['enable', 'kim'])).code).toBe(0);

    const missing = await therapist(['disable', 'nobody']);
    expect(missing).toMatchObject({ code: 1, stderr: 'There is no therapist account named "nobody". See the accounts with: npm run therapist -- list\n' });
  });

  it('refuses, with a sentence and exit code 1: a taken username, a weak password, no password, a bad username', async () => {
    // Independent refusals, run side by side to keep the suite quick.
    const [taken, weak, none, bad] = await Promise.all([
      therapist(['add', 'SAM'], { password: PASSWORD }),
      therapist(['add', 'jo'], { password: 'short' }),
      therapist(['add', 'jo']),
      therapist(['add', 'no spaces please'], { password: PASSWORD }),
    ]);
    expect(taken).toMatchObject({ code: 1, stdout: '' });
    expect(taken.stderr).toContain('A therapist account named "sam" already exists.');

    expect(weak).toMatchObject({ code: 1, stderr: 'The password is too short: use at least 10 characters (a few unrelated words work well).\n' });

    expect(none).toMatchObject({ code: 1, stderr: 'No password was given: set SST_THERAPIST_PASSWORD, or run this at a terminal to type it.\n' });

    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('cannot be a username');
    expect(await stored('jo')).toBeNull();
  });

  it('resets a password: the new one works, the old one does not', async () => {
    const run = await therapist(['reset-password', 'Sam'], { password: NEW_PASSWORD });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('Changed the password for "sam". They are signed out everywhere');
    expectNoSecrets(run);
    const hash = (await stored('sam'))!.passwordHash;
    expect(await verifyPassword(NEW_PASSWORD, hash)).toBe(true);
    expect(await verifyPassword(PASSWORD, hash)).toBe(false);

    const weak = await therapist(['reset-password', 'sam'], { password: 'tiny' });
    expect(weak.code).toBe(1);
    expect(await verifyPassword(NEW_PASSWORD, (await stored('sam'))!.passwordHash)).toBe(true);
  });

  it('removes an account, but not the last enabled lead, and says so when there is no such account', async () => {
    expect((await therapist(['remove', 'kim'])).code).toBe(0);
    const lastLead = await therapist(['remove', 'sam']);
    expect(lastLead).toMatchObject({ code: 1, stdout: '' });
    expect(lastLead.stderr).toContain('"sam" is the only enabled lead, so it cannot be removed');
    expect(await stored('sam')).not.toBeNull();

    const run = await therapist(['remove', 'alex']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('Removed therapist "alex".');
    expect(await stored('alex')).toBeNull();

    const misses = await Promise.all([['remove', 'alex'], ['reset-password', 'alex']].map((args) => therapist(args, { password: NEW_PASSWORD })));
    for (const missing of misses) {
      expect(missing).toMatchObject({ code: 1, stdout: '' });
      expect(missing.stderr).toBe('There is no therapist account named "alex". See the accounts with: npm run therapist -- list\n');
    }
  });

  it('explains how to use it when the command is missing or unknown', async () => {
    const [unknown, empty, help] = await Promise.all([therapist(['frobnicate']), therapist([]), therapist(['help'])]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Unknown command "frobnicate".');
    expect(unknown.stderr).toContain('npm run therapist -- add <username> [--name "Display name"] [--role lead|therapist]');
    expect(unknown.stderr).toContain('npm run therapist -- set-role <username> lead|therapist');
    expect(empty.code).toBe(1);
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toContain('reset-password <username>');
    for (const command of ['disable <username>', 'enable <username>', 'A lead also sees the service report']) expect(help.stdout).toContain(command);
  });
});
