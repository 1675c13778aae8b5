/**
 * Managing therapist accounts: the rules and the sentences, shared by `npm run therapist` and the
 * console's account pages. Every refusal is an AccountError whose message is the sentence to show.
 *
 * Roles: a `therapist` answers chats; a `lead` also sees the service report and manages accounts.
 * There is always at least one enabled lead: the last one cannot be disabled, demoted or removed,
 * or nobody could open the report or manage accounts from the console again.
 */
import { randomUUID } from 'node:crypto';
import type { Role } from '../protocol.js';
import { LastLeadError, type Store, type TherapistRecord } from '../store/store.js';
import { UsernameTakenError } from '../store/sqlite.js';
import { WeakPasswordError, hashPassword } from './passwords.js';

export class AccountError extends Error {
  override name = 'AccountError';
}

/**
 * Letters, digits and . _ @ - (so an email address works), 2–64 characters, starting with a letter or
 * digit. ASCII only: the store compares usernames without letter case, and SQLite folds only ASCII.
 */
export const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@-]{1,63}$/;
export const MAX_DISPLAY_NAME_LENGTH = 60;
export const ROLES: readonly Role[] = ['therapist', 'lead'];

export function checkRole(role: string): Role {
  if (!(ROLES as readonly string[]).includes(role)) throw new AccountError(`"${role}" is not a role: use lead or therapist.`);
  return role as Role;
}

export function checkUsername(username: string): string {
  if (!USERNAME_PATTERN.test(username)) {
    throw new AccountError(
      `"${username}" cannot be a username: use 2 to 64 letters, digits, dots, dashes, underscores or @, starting with a letter or digit.`,
    );
  }
  return username;
}

/** The pseudonym clients see in the chat: trimmed, printable, not too long. */
export function checkDisplayName(displayName: string): string {
  const name = displayName.trim().replace(/\s+/g, ' ');
  if (name.length === 0 || /[\u0000-\u001f\u007f-\u009f]/.test(name)) {
    throw new AccountError('The display name must contain visible characters (it is the name clients see).');
  }
  if ([...name].length > MAX_DISPLAY_NAME_LENGTH) {
    throw new AccountError(`The display name is too long: use at most ${MAX_DISPLAY_NAME_LENGTH} characters.`);
  }
  return name;
}

async function hashOrRefuse(password: string): Promise<string> {
  try {
    return await hashPassword(password);
  } catch (error) {
    if (error instanceof WeakPasswordError) throw new AccountError(error.message);
    throw error;
  }
}

const exists = (username: string) =>
  new AccountError(`A therapist account named "${username}" already exists. Choose another username, or reset that account's password.`);
const missing = (username: string) =>
  new AccountError(`There is no therapist account named "${username}". See the accounts with: npm run therapist -- list`);

const onlyLead = (username: string, change: string) =>
  new AccountError(
    `"${username}" is the only enabled lead, so it cannot be ${change}: make another account a lead first, so someone can still see the service report and manage accounts.`,
  );

/** The role a new account gets when none is given: lead while the service has no enabled lead, so the first account can run it. */
export async function defaultRole(store: Store): Promise<Role> {
  return (await store.countActiveLeads()) === 0 ? 'lead' : 'therapist';
}

/** Creates an account. Without `role`, it is a lead when there is no enabled lead yet (see `defaultRole`), else a therapist. */
export async function addTherapist(
  store: Store,
  input: { username: string; displayName?: string; password: string; role?: Role; now?: Date },
): Promise<TherapistRecord> {
  const username = checkUsername(input.username);
  const displayName = checkDisplayName(input.displayName ?? username);
  const role = input.role === undefined ? undefined : checkRole(input.role);
  const taken = await store.therapistByUsername(username);
  if (taken) throw exists(taken.username);
  const passwordHash = await hashOrRefuse(input.password);
  try {
    return await store.createTherapist({
      id: randomUUID(),
      username,
      displayName,
      passwordHash,
      // Decided after the slow hash, so it reflects the accounts as they are when this one is made.
      role: role ?? (await defaultRole(store)),
      now: (input.now ?? new Date()).toISOString(),
    });
  } catch (error) {
    // Someone else added the same name between our check and the insert.
    if (error instanceof UsernameTakenError) throw exists(username);
    throw error;
  }
}

/** Sets a new password; the store signs the therapist out everywhere. */
export async function resetTherapistPassword(store: Store, input: { username: string; password: string }): Promise<void> {
  if (!(await store.therapistByUsername(input.username))) throw missing(input.username);
  const passwordHash = await hashOrRefuse(input.password);
  if (!(await store.setPassword(input.username, passwordHash))) throw missing(input.username);
}

/** Removes the account; its sessions end and chats it held go back to the queue. Not the last enabled lead. */
export async function removeTherapistAccount(store: Store, username: string): Promise<void> {
  const account = await requireTherapist(store, username);
  // Checked again inside the store's transaction: two changes at once cannot leave no lead.
  if (account.role === 'lead' && !account.disabled && (await store.countActiveLeads()) <= 1) throw onlyLead(account.username, 'removed');
  await guarded(account, 'removed', () => store.removeTherapist(account.username));
}

/**
 * Disables the account: it cannot sign in, and is signed out everywhere at once. `by` is the username
 * of the lead doing it, when done from the console: nobody disables their own account by mistake.
 */
export async function disableAccount(store: Store, username: string, options: { by?: string } = {}): Promise<TherapistRecord> {
  const account = await requireTherapist(store, username);
  if (options.by !== undefined && options.by.toLowerCase() === account.username.toLowerCase()) {
    throw new AccountError('You cannot disable your own account. Another lead can do it if it is needed.');
  }
  await guarded(account, 'disabled', () => store.setDisabled(account.username, true));
  return requireTherapist(store, account.username);
}

/** Lets a disabled account sign in again (with its old password). */
export async function enableAccount(store: Store, username: string): Promise<TherapistRecord> {
  const account = await requireTherapist(store, username);
  if (!(await store.setDisabled(account.username, false))) throw missing(username);
  return requireTherapist(store, account.username);
}

/** Makes the account a lead or a therapist. The last enabled lead stays a lead. */
export async function setAccountRole(store: Store, username: string, role: Role): Promise<TherapistRecord> {
  const wanted = checkRole(role);
  const account = await requireTherapist(store, username);
  await guarded(account, 'made a therapist account', () => store.setRole(account.username, wanted));
  return requireTherapist(store, account.username);
}

/** Runs a store change that may refuse with LastLeadError, and words that refusal. */
async function guarded(account: TherapistRecord, change: string, apply: () => Promise<boolean>): Promise<void> {
  let changed: boolean;
  try {
    changed = await apply();
  } catch (error) {
    if (error instanceof LastLeadError) throw onlyLead(account.username, change);
    throw error;
  }
  if (!changed) throw missing(account.username);
}

/** Throws the "no such account" sentence unless the account exists (checked before asking for a password). */
export async function requireTherapist(store: Store, username: string): Promise<TherapistRecord> {
  const therapist = await store.therapistByUsername(username);
  if (!therapist) throw missing(username);
  return therapist;
}

/** Throws the "already exists" sentence when the username is taken (checked before asking for a password). */
export async function requireFreeUsername(store: Store, username: string): Promise<void> {
  checkUsername(username);
  const taken = await store.therapistByUsername(username);
  if (taken) throw exists(taken.username);
}
