/**
 * Managing accounts from the console, leads only:
 * - `GET /api/accounts` → `{ ok, accounts: AccountView[] }`
 * - `POST /api/accounts` `{ username, displayName, role, password }` → 201 `{ ok, account }`
 * - `POST /api/accounts/:username/disable`, `/enable`, `/reset-password` `{ password }`, `/role` `{ role }`
 *
 * The rules and their sentences live in `auth/accounts.ts` (shared with `npm run therapist`); a rule
 * refusal is 409 `conflict` with that sentence as `message`. Bodies must be JSON, which a cross-site
 * form cannot send without a preflight, and the session cookie is SameSite=Strict.
 */
import express, { type Request, type Response } from 'express';
import { z } from 'zod';
import { bodyErrors, refuse } from '../api-errors.js';
import {
  AccountError,
  USERNAME_PATTERN,
  addTherapist,
  disableAccount,
  enableAccount,
  resetTherapistPassword,
  setAccountRole,
} from '../auth/accounts.js';
import { MAX_PASSWORD_LENGTH } from '../auth/passwords.js';
import { requireRole, signedIn } from '../auth/require-role.js';
import type { Store, TherapistRecord } from '../store/store.js';
import type { AccountView } from '../report/types.js';

export interface AccountsRouterDeps {
  store: Store;
  now?: () => Date;
}

const Role = z.enum(['therapist', 'lead']);
// Lengths are bounded here; the rules (pattern, strength) are checked by accounts.ts, with sentences.
const Password = z.string().min(1).max(MAX_PASSWORD_LENGTH * 4);
const NewAccount = z.strictObject({
  username: z.string().min(1).max(128),
  displayName: z.string().min(1).max(256),
  role: Role,
  password: Password,
});
const NewPassword = z.strictObject({ password: Password });
const NewRole = z.strictObject({ role: Role });
const Empty = z.strictObject({});

export function toAccountView(t: TherapistRecord): AccountView {
  return { username: t.username, displayName: t.displayName, role: t.role, disabled: t.disabled, createdAt: t.createdAt };
}

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export function createAccountsRouter(deps: AccountsRouterDeps): express.Router {
  const { store } = deps;
  const now = deps.now ?? (() => new Date());
  const router = express.Router();
  // Every change must come as JSON from the console's own origin: a form or a plain-text post from
  // another page (even one on the same site, which SameSite=Strict allows) is refused before anything.
  router.post('/api/accounts{/*rest}', (req, res, next) => {
    const origin = req.headers.origin;
    // Host only: behind a TLS proxy the server may see http while the page's origin is https.
    const sameOrigin = origin === undefined || (URL.canParse(origin) && new URL(origin).host === req.headers.host);
    // The header, not the body: a form or text/plain post cannot claim JSON without a CORS preflight.
    const json = /^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '');
    if (!json || !sameOrigin) return refuse(res, 403, 'forbidden');
    next();
  });
  router.use('/api/accounts', requireRole(store, 'lead', now), express.json({ limit: '4kb' }));

  /** Runs a rule-checked change; an AccountError becomes 409 with its sentence. */
  const attempt = async (res: Response, change: () => Promise<void>): Promise<void> => {
    try {
      await change();
    } catch (error) {
      if (error instanceof AccountError) return refuse(res, 409, 'conflict', error.message);
      throw error;
    }
  };

  /** The account named in the path, or null once a refusal has been sent. */
  const target = async (req: Request, res: Response): Promise<TherapistRecord | null> => {
    const username = req.params.username;
    if (typeof username !== 'string' || !USERNAME_PATTERN.test(username)) {
      refuse(res, 400, 'bad_request');
      return null;
    }
    const account = await store.therapistByUsername(username);
    if (!account) refuse(res, 404, 'not_found');
    return account;
  };

  /** POSTs that carry no data still take a JSON object (or nothing), nothing else. */
  const bodyOr = <T>(schema: z.ZodType<T>, body: unknown): T | null => {
    const parsed = schema.safeParse(body ?? {});
    return parsed.success ? parsed.data : null;
  };

  router.get('/api/accounts', async (_req, res) => {
    const accounts = await store.listTherapists();
    res.json({ ok: true, accounts: accounts.map(toAccountView) });
  });

  router.post('/api/accounts', async (req, res) => {
    const body = NewAccount.safeParse(req.body);
    if (!body.success) return refuse(res, 400, 'bad_request');
    await attempt(res, async () => {
      const account = await addTherapist(store, { ...body.data, now: now() });
      res.status(201).json({ ok: true, account: toAccountView(account) });
    });
  });

  router.post('/api/accounts/:username/disable', async (req, res) => {
    if (!bodyOr(Empty, req.body)) return refuse(res, 400, 'bad_request');
    const account = await target(req, res);
    if (!account) return;
    await attempt(res, async () => {
      await disableAccount(store, account.username, { by: signedIn(res).username });
      res.json({ ok: true });
    });
  });

  router.post('/api/accounts/:username/enable', async (req, res) => {
    if (!bodyOr(Empty, req.body)) return refuse(res, 400, 'bad_request');
    const account = await target(req, res);
    if (!account) return;
    await attempt(res, async () => {
      await enableAccount(store, account.username);
      res.json({ ok: true });
    });
  });

  router.post('/api/accounts/:username/reset-password', async (req, res) => {
    const body = NewPassword.safeParse(req.body);
    if (!body.success) return refuse(res, 400, 'bad_request');
    const account = await target(req, res);
    if (!account) return;
    await attempt(res, async () => {
      await resetTherapistPassword(store, { username: account.username, password: body.data.password });
      res.json({ ok: true });
    });
  });

  router.post('/api/accounts/:username/role', async (req, res) => {
    const body = NewRole.safeParse(req.body);
    if (!body.success) return refuse(res, 400, 'bad_request');
    const account = await target(req, res);
    if (!account) return;
    if (body.data.role !== 'lead' && sameName(account.username, signedIn(res).username)) {
      return refuse(res, 409, 'conflict', 'You cannot take away your own lead role. Another lead can do it if it is needed.');
    }
    await attempt(res, async () => {
      await setAccountRole(store, account.username, body.data.role);
      res.json({ ok: true });
    });
  });

  router.use(bodyErrors);
  return router;
}
