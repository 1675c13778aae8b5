/**
 * The account rules the form checks before sending, so a mistake is shown at its field at once.
 * The server checks them again and is the one that decides; these mirror `server/auth/accounts.ts`
 * and `server/auth/passwords.ts` (which cannot be bundled: they use node:crypto).
 */
export const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@-]{1,63}$/;
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_DISPLAY_NAME_LENGTH = 60;

export const USERNAME_HINT = 'For signing in only; people in chats never see it. 2 to 64 letters, digits, dots, dashes, underscores or @.';
export const PASSWORD_HINT = `At least ${MIN_PASSWORD_LENGTH} characters; a few unrelated words work well.`;

/** The first problem with a new account, as the field it belongs to and a sentence; null when fine. */
export function accountProblem(input: { username: string; displayName: string; password: string }): { field: 'username' | 'name' | 'password'; text: string } | null {
  if (!USERNAME_PATTERN.test(input.username)) {
    return { field: 'username', text: 'Choose a username of 2 to 64 letters, digits, dots, dashes, underscores or @, starting with a letter or digit.' };
  }
  if (!input.displayName.trim()) return { field: 'name', text: 'Enter a display name: it is the name people see in the chat.' };
  if ([...input.displayName.trim()].length > MAX_DISPLAY_NAME_LENGTH) return { field: 'name', text: `Use at most ${MAX_DISPLAY_NAME_LENGTH} characters for the display name.` };
  return passwordProblem(input.password) ? { field: 'password', text: passwordProblem(input.password)! } : null;
}

export function passwordProblem(password: string): string | null {
  if ([...password.normalize('NFC')].length < MIN_PASSWORD_LENGTH) return `The password is too short: use at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (!password.trim()) return 'The password cannot be only spaces.';
  return null;
}
