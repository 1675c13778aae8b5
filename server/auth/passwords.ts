/**
 * Therapist passwords: scrypt (memory-hard, in node:crypto, no dependency). Stored as
 * `scrypt$N$r$p$salt$hash` (salt and hash base64) so the cost can be raised later while old hashes
 * still verify.
 */
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export const MIN_PASSWORD_LENGTH = 10;
/** Longer than any real passphrase; stops a megabyte "password" from being hashed. */
export const MAX_PASSWORD_LENGTH = 1024;

/**
 * N = 2^15 (32 MiB per hash, well under 100 ms on a small machine): above the common N = 2^14
 * floor, and cheap enough that a few therapists signing in at once cannot exhaust a small server.
 */
const COST = { N: 32768, r: 8, p: 1 } as const;
const SALT_BYTES = 16;
const KEY_BYTES = 64;

/** A password that may not be used; `message` is the sentence to show. */
export class WeakPasswordError extends Error {
  override name = 'WeakPasswordError';
}

function scrypt(password: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCallback(password, salt, keylen, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/**
 * NFC first: the same password typed on a Mac and on Windows can arrive as different code points
 * (é as one character or as e + accent); both must verify.
 */
const normalise = (password: string) => password.normalize('NFC');

/** Length in characters as a person counts them (code points, not UTF-16 units). */
const lengthOf = (password: string) => [...normalise(password)].length;

/** Throws WeakPasswordError with a sentence when the password may not be used. */
export function assertPasswordAllowed(password: string): void {
  const length = lengthOf(password);
  if (length < MIN_PASSWORD_LENGTH) {
    throw new WeakPasswordError(
      `The password is too short: use at least ${MIN_PASSWORD_LENGTH} characters (a few unrelated words work well).`,
    );
  }
  if (length > MAX_PASSWORD_LENGTH) {
    throw new WeakPasswordError(`The password is too long: use at most ${MAX_PASSWORD_LENGTH} characters.`);
  }
  if (password.trim().length === 0) throw new WeakPasswordError('The password cannot be only spaces.');
}

export async function hashPassword(password: string): Promise<string> {
  assertPasswordAllowed(password);
  const salt = randomBytes(SALT_BYTES);
  const key = await scrypt(normalise(password), salt, KEY_BYTES, { ...COST, maxmem: maxmemFor(COST.N, COST.r, COST.p) });
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/**
 * True when `password` matches `stored`. A malformed or out-of-bounds stored value is simply false:
 * the parameters come from the database, and an edited row must not make us allocate gigabytes.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed || password.length > MAX_PASSWORD_LENGTH * 4) return false;
  const { N, r, p, salt, key } = parsed;
  const candidate = await scrypt(normalise(password), salt, key.length, { N, r, p, maxmem: maxmemFor(N, r, p) });
  return timingSafeEqual(candidate, key);
}

// scrypt needs about 128·r·(N + p + 2) bytes; Node's default maxmem (32 MiB) is just short of our
// cost, so pass a limit with headroom.
function maxmemFor(N: number, r: number, p: number): number {
  return 128 * r * (N + p + 2) + 1024 * 1024;
}

/** The most memory a stored hash may ask for (stronger than today's cost, far from harmful). */
const MAX_SCRYPT_BYTES = 256 * 1024 * 1024;

function parseHash(stored: string): { N: number; r: number; p: number; salt: Buffer; key: Buffer } | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map((x) => (/^\d{1,8}$/.test(x ?? '') ? Number(x) : NaN)) as [number, number, number];
  const powerOfTwo = Number.isInteger(Math.log2(N));
  if (!powerOfTwo || N < 1024 || r < 1 || r > 32 || p < 1 || p > 16) return null;
  if (128 * r * (N + p + 2) > MAX_SCRYPT_BYTES) return null;
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const key = Buffer.from(parts[5] ?? '', 'base64');
  if (salt.length < 8 || key.length < 32) return null;
  return { N, r, p, salt, key };
}
