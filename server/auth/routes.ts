/**
 * Therapist sign-in over HTTP: `POST /api/auth/login`, `POST /api/auth/logout`, `GET /api/auth/me`.
 * Mount with `app.use(createAuthRouter({ store }))` (the paths are absolute).
 *
 * - A wrong password, an unknown username and a disabled account get the same 401 body, after the
 *   same scrypt work, so the answer does not reveal which usernames exist.
 * - Failed attempts are limited per username and per client address, in memory. The address is
 *   only ever held as a keyed hash (the key is random per process); it is never logged or stored.
 * - The login body must be JSON (a cross-site HTML form cannot send that without a CORS preflight),
 *   and the cookie is SameSite=Strict, so other sites cannot sign someone in or out.
 */
import { createHmac, randomBytes } from 'node:crypto';
import express, { type ErrorRequestHandler, type Request, type Response } from 'express';
import { z } from 'zod';
import type { ErrorCode } from '../protocol.js';
import type { Store } from '../store/store.js';
import { MAX_PASSWORD_LENGTH, hashPassword, verifyPassword } from './passwords.js';
import { createFailureLimiter } from './rate-limit.js';
import {
  DEFAULT_SESSION_HOURS,
  clearSessionCookie,
  cookieShouldBeSecure,
  createSessionCookie,
  hashSessionToken,
  readSessionToken,
  startSession,
  therapistFromCookie,
  toProfile,
} from './sessions.js';

export interface AuthRouterDeps {
  store: Store;
  /** The clock (tests move it); defaults to the real one. */
  now?: () => Date;
  /** How long a sign-in lasts; defaults to 12 hours. */
  sessionHours?: number;
}

/** 5 failed attempts per 15 minutes, per username and per address. */
export const MAX_FAILED_SIGN_INS = 5;
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;

const LoginBody = z.object({
  username: z.string().min(1).max(128),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH * 4),
});

/**
 * Verified against when the username does not exist, so both paths cost one scrypt. Made once, on
 * first use, from a random password nobody knows.
 */
let decoyHash: Promise<string> | undefined;
const getDecoyHash = () => (decoyHash ??= hashPassword(randomBytes(24).toString('base64url')));

function fail(res: Response, status: number, code: ErrorCode): void {
  res.status(status).json({ ok: false, code });
}

export function createAuthRouter(deps: AuthRouterDeps): express.Router {
  const { store } = deps;
  const now = deps.now ?? (() => new Date());
  const sessionHours = deps.sessionHours ?? DEFAULT_SESSION_HOURS;
  const byUsername = createFailureLimiter({ maxFailures: MAX_FAILED_SIGN_INS, windowMs: SIGN_IN_WINDOW_MS });
  const byAddress = createFailureLimiter({ maxFailures: MAX_FAILED_SIGN_INS, windowMs: SIGN_IN_WINDOW_MS });
  const addressKey = randomBytes(32);
  const addressOf = (req: Request) =>
    createHmac('sha256', addressKey).update(req.ip ?? req.socket.remoteAddress ?? 'unknown').digest('base64url');

  // Made now rather than on the first unknown username, so that request is not the slow one.
  getDecoyHash().catch(() => undefined);

  const router = express.Router();
  // Sign-in answers are personal: no cache, shared or private, may keep them.
  router.use('/api/auth', (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });

  router.post('/api/auth/login', express.json({ limit: '4kb' }), async (req, res) => {
    const body = LoginBody.safeParse(req.body);
    if (!body.success) return fail(res, 400, 'bad_request');
    const { username, password } = body.data;
    const userKey = username.toLowerCase();
    const address = addressOf(req);
    const time = now().getTime();

    const wait = Math.max(byUsername.blockedFor(userKey, time), byAddress.blockedFor(address, time));
    if (wait > 0) {
      res.setHeader('Retry-After', String(Math.ceil(wait / 1000)));
      return fail(res, 429, 'rate_limited');
    }

    // Counted as a failure before the (slow) check and forgiven after a success: otherwise a burst
    // of parallel guesses would all pass the check above before the first one was counted.
    byUsername.fail(userKey, time);
    byAddress.fail(address, time);
    const therapist = await store.therapistByUsername(username);
    const matches = await verifyPassword(password, therapist?.passwordHash ?? (await getDecoyHash()));
    // A disabled account gets the wrong-password answer, after the same work: the answer does not
    // say that the account exists, nor that it was disabled.
    if (!therapist || !matches || therapist.disabled) return fail(res, 401, 'unauthorised');
    // The account's count starts again; the address only gets this attempt back, or one valid
    // account would let its holder keep guessing at the others.
    byUsername.reset(userKey);
    byAddress.forgive(address);

    // A browser that was signed in as someone else leaves that session behind rather than orphaned.
    const previous = readSessionToken(req.headers.cookie);
    if (previous) await store.deleteSession(hashSessionToken(previous));

    const session = await startSession(store, therapist.id, { now: now(), hours: sessionHours });
    res.setHeader('Set-Cookie', createSessionCookie(session.token, { maxAgeSeconds: session.maxAgeSeconds, secure: cookieShouldBeSecure(req) }));
    res.json({ ok: true, therapist: toProfile(therapist) });
  });

  router.post('/api/auth/logout', async (req, res) => {
    const token = readSessionToken(req.headers.cookie);
    if (token) await store.deleteSession(hashSessionToken(token));
    res.setHeader('Set-Cookie', clearSessionCookie({ secure: cookieShouldBeSecure(req) }));
    res.json({ ok: true });
  });

  router.get('/api/auth/me', async (req, res) => {
    const therapist = await therapistFromCookie(store, req.headers.cookie, now());
    if (!therapist) return fail(res, 401, 'unauthorised');
    res.json({ ok: true, therapist: toProfile(therapist) });
  });

  router.use(bodyErrors);
  return router;
}

/**
 * Errors from the JSON body parser become our codes here, so the router answers the same whether
 * or not the app around it has its own error handler. Anything else goes on to the app's handler.
 */
const bodyErrors: ErrorRequestHandler = (error: unknown, _req, res, next) => {
  const type = typeof error === 'object' && error !== null ? (error as { type?: unknown }).type : undefined;
  if (type === 'entity.too.large') return fail(res, 413, 'too_large');
  if ((typeof type === 'string' && type.startsWith('entity.')) || type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return fail(res, 400, 'bad_request');
  }
  next(error);
};
