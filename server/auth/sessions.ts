/**
 * Therapist sign-in sessions. A session token is 32 random bytes (base64url) held only in the
 * therapist's browser, in the `sst_session` cookie; the store keeps its SHA-256, so a copy of the
 * database signs no one in. The relay's `/therapist` namespace authenticates with
 * `therapistFromCookie(store, socket.handshake.headers.cookie)`.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { TherapistProfile } from '../protocol.js';
import type { Store, TherapistRecord } from '../store/store.js';

export const SESSION_COOKIE = 'sst_session';
export const DEFAULT_SESSION_HOURS = 12;

/** 32 bytes in base64url without padding is always 43 characters of this alphabet. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The form a token is stored and looked up in (hex SHA-256). */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Starts a session for a therapist; returns the token to put in the cookie (it is not stored). */
export async function startSession(
  store: Store,
  therapistId: string,
  options: { now?: Date; hours?: number } = {},
): Promise<{ token: string; expiresAt: string; maxAgeSeconds: number }> {
  const now = options.now ?? new Date();
  const maxAgeSeconds = Math.round((options.hours ?? DEFAULT_SESSION_HOURS) * 3600);
  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + maxAgeSeconds * 1000).toISOString();
  await store.createSession({ tokenHash: hashSessionToken(token), therapistId, expiresAt });
  return { token, expiresAt, maxAgeSeconds };
}

/** What decides `Secure`: where the request came in. Shaped like an Express request, so one can be passed. */
export interface RequestOrigin {
  /** `http` or `https` as Express sees it (behind a proxy, only with `trust proxy` set). */
  protocol: string;
  hostname: string;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/**
 * The rule for `Secure`: always, except when NODE_ENV is `development`, or the request is plain
 * http to localhost / 127.0.0.1 / ::1 (a developer or a test on their own machine: browsers drop a
 * Secure cookie set over http, so sign-in would silently fail there).
 *
 * Everywhere else the cookie is Secure even when the request arrived as plain http: behind a TLS
 * proxy the browser is on https and accepts it; over real plain http to a remote host the browser
 * refuses it, which is right — a therapist's session must never travel unencrypted.
 */
export function cookieShouldBeSecure(origin: RequestOrigin, nodeEnv: string | undefined = process.env.NODE_ENV): boolean {
  if (nodeEnv === 'development') return false;
  if (origin.protocol === 'http' && LOOPBACK_HOSTS.has(origin.hostname.toLowerCase())) return false;
  return true;
}

/**
 * The Set-Cookie value. HttpOnly: page scripts (and anything injected into them) cannot read it.
 * SameSite=Strict: no other site can make the browser send it, which is our CSRF defence.
 */
export function createSessionCookie(token: string, options: { maxAgeSeconds: number; secure: boolean }): string {
  const parts = [`${SESSION_COOKIE}=${token}`, 'HttpOnly', 'SameSite=Strict', 'Path=/', `Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`];
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}

/** A Set-Cookie value that removes the session cookie (same attributes, so the browser matches it). */
export function clearSessionCookie(options: { secure: boolean }): string {
  return createSessionCookie('', { maxAgeSeconds: 0, secure: options.secure });
}

/**
 * The session token from a Cookie header, or null. Only a value shaped like one of our tokens is
 * taken, so junk never reaches the store; when several `sst_session` cookies arrive (another path
 * or an old subdomain cookie), the first well-formed one wins.
 */
export function readSessionToken(cookieHeader: string | undefined | null): string | null {
  if (!cookieHeader) return null;
  for (const pair of cookieHeader.split(';')) {
    const eq = pair.indexOf('=');
    if (eq === -1) continue;
    if (pair.slice(0, eq).trim() !== SESSION_COOKIE) continue;
    let value = pair.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    if (TOKEN_PATTERN.test(value)) return value;
  }
  return null;
}

/** The signed-in therapist for a Cookie header, or null (no cookie, unknown or expired session, removed or disabled account). */
export async function therapistFromCookie(
  store: Store,
  cookieHeader: string | undefined | null,
  now: Date = new Date(),
): Promise<TherapistRecord | null> {
  const token = readSessionToken(cookieHeader);
  if (!token) return null;
  const session = await store.sessionByTokenHash(hashSessionToken(token), now.toISOString());
  if (!session) return null;
  const therapist = await store.therapistById(session.therapistId);
  // The store already refuses a disabled account's session; checked again here because every
  // console request and relay connection passes this point, whatever store is behind it.
  return therapist && !therapist.disabled ? therapist : null;
}

/** What the console may see of a therapist: never the id or the hash. */
export function toProfile(therapist: TherapistRecord): TherapistProfile {
  return { username: therapist.username, displayName: therapist.displayName, role: therapist.role };
}
