/**
 * The auth endpoints, as the console uses them. The session is an httpOnly cookie the server sets;
 * the page never sees it, it only sends it (`credentials: 'same-origin'`).
 */
import type { TherapistProfile } from '../protocol.js';

export type SignInResult =
  | { ok: true; therapist: TherapistProfile }
  | { ok: false; reason: 'invalid' | 'rate_limited' | 'network' | 'server'; retryAfterSeconds?: number };

export const JSON_HEADERS = { 'Content-Type': 'application/json', Accept: 'application/json' };

/** The profile in an answer, or null. A missing or unknown role counts as the lesser one: therapist. */
function toProfile(value: unknown): TherapistProfile | null {
  const v = value as Partial<TherapistProfile> | null;
  if (typeof v?.username !== 'string' || typeof v.displayName !== 'string') return null;
  return { username: v.username, displayName: v.displayName, role: v.role === 'lead' ? 'lead' : 'therapist' };
}

export async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

export async function signIn(username: string, password: string): Promise<SignInResult> {
  let response: Response;
  try {
    response = await fetch('/api/auth/login', {
      method: 'POST',
      credentials: 'same-origin',
      headers: JSON_HEADERS,
      body: JSON.stringify({ username, password }),
    });
  } catch {
    return { ok: false, reason: 'network' };
  }
  const body = (await readJson(response)) as { ok?: boolean; code?: string; therapist?: unknown } | null;
  const therapist = response.ok && body?.ok ? toProfile(body.therapist) : null;
  if (therapist) return { ok: true, therapist };
  if (response.status === 429 || body?.code === 'rate_limited') {
    const retryAfter = Number(response.headers.get('Retry-After'));
    return { ok: false, reason: 'rate_limited', ...(retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {}) };
  }
  if (response.status === 401 || response.status === 400 || response.status === 403) return { ok: false, reason: 'invalid' };
  return { ok: false, reason: 'server' };
}

/**
 * The signed-in therapist, or null when there is no session. Throws when the server cannot say
 * (unreachable, or an error): a restart must not look like being signed out.
 */
export async function currentTherapist(): Promise<TherapistProfile | null> {
  const response = await fetch('/api/auth/me', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (response.status === 401 || response.status === 403) return null;
  if (!response.ok) throw new Error(`GET /api/auth/me: ${response.status}`);
  const body = (await readJson(response)) as { ok?: boolean; therapist?: unknown } | null;
  return body?.ok ? toProfile(body.therapist) : null;
}

export async function signOut(): Promise<void> {
  try {
    await fetch('/api/auth/logout', { method: 'POST', credentials: 'same-origin', headers: JSON_HEADERS, body: '{}' });
  } catch {
    // Signing out locally still happens; the cookie expires on its own.
  }
}
