/**
 * Managing therapist accounts: the rules and the sentences, shared by `npm run therapist` and any
 * later admin page. Every refusal is an AccountError whose message is the sentence to show.
 */
import { randomUUID } from 'node:crypto';
import type { Store, TherapistRecord } from '../store/store.js';
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
  new AccountError(`A therapist account named "${username}" already exists. To change its password use: npm run therapist -- reset-password ${username}`);
const missing = (username: string) =>
  new AccountError(`There is no therapist account named "${username}". See the accounts with: npm run therapist -- list`);

export async function addTherapist(
  store: Store,
  input: { username: string; displayName?: string; password: string; now?: Date },
): Promise<TherapistRecord> {
  const username = checkUsername(input.username);
  const displayName = checkDisplayName(input.displayName ?? username);
  const taken = await store.therapistByUsername(username);
  if (taken) throw exists(taken.username);
  const passwordHash = await hashOrRefuse(input.password);
  try {
    return await store.createTherapist({
      id: randomUUID(),
      username,
      displayName,
      passwordHash,
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

/** Removes the account; its sessions end and chats it held go back to the queue. */
export async function removeTherapistAccount(store: Store, username: string): Promise<void> {
  if (!(await store.removeTherapist(username))) throw missing(username);
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
