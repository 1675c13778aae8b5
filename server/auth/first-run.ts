/**
 * What the server prints at start when nobody can sign in to the console yet. The server does not
 * create an account itself: the first password should be chosen by a person at a terminal, not
 * sit in a log or an environment file.
 */
import type { Store } from '../store/store.js';

export const FIRST_RUN_HINT =
  'No therapist accounts yet. Create the first one with: npm run therapist -- add <username> --name "Display name"';

/** The sentence to print when there are no therapist accounts; null when there is at least one. */
export async function firstRunHint(store: Pick<Store, 'countTherapists'>): Promise<string | null> {
  return (await store.countTherapists()) === 0 ? FIRST_RUN_HINT : null;
}
