/**
 * `POST /api/outcomes`: the widget's one anonymous outcome record at the end of a session, sent
 * with navigator.sendBeacon (text/plain, so no CORS preflight) or fetch (application/json).
 * Mount with `app.use(createOutcomesRouter(...))` (the path is absolute).
 *
 * Nothing about the sender is read or kept: no cookie, address or user agent; the record is stored
 * as validated, and the answer is an empty 204.
 */
import express, { type RequestHandler } from 'express';
import { bodyErrors, refuse } from '../api-errors.js';
import type { Store } from '../store/store.js';
import { parseOutcomeRecord } from './schema.js';

export const MAX_OUTCOME_BYTES = 2048;

export interface OutcomesRouterDeps {
  store: Store;
  /** The service collects outcome records (PublicConfig.outcomes). */
  enabled: boolean;
  /** The service's flows; a record names one of them. */
  flows: readonly string[];
  /** Pages allowed to embed the widget (SST_ALLOWED_ORIGINS), or '*'. */
  allowedOrigins: readonly string[] | '*';
  now?: () => Date;
  /** Records accepted per window by this process; default 60 a minute. */
  limit?: { max: number; windowMs: number };
}

const normaliseOrigin = (origin: string) => {
  try {
    return new URL(origin).origin;
  } catch {
    return origin;
  }
};

/**
 * CORS like /api/config, and stricter: with a list of origins, a request whose Origin is present and
 * not listed is refused outright (a beacon does not read the answer, so headers alone would not stop it).
 */
function originCheck(allowed: readonly string[] | '*'): RequestHandler {
  const list = allowed === '*' ? null : new Set(allowed.map(normaliseOrigin));
  return (req, res, next) => {
    const origin = req.headers.origin;
    if (list === null) res.setHeader('Access-Control-Allow-Origin', '*');
    else {
      res.setHeader('Vary', 'Origin');
      if (origin !== undefined && !list.has(normaliseOrigin(origin))) return refuse(res, 403, 'forbidden');
      if (origin !== undefined) res.setHeader('Access-Control-Allow-Origin', origin);
    }
    res.setHeader('Cache-Control', 'no-store');
    next();
  };
}

/**
 * One allowance for the whole process, keyed by nothing personal: it stops a script from flooding the
 * figures. Its limits, accepted on purpose: during a flood genuine records that minute are dropped
 * too (lost, not miscounted); each server instance has its own allowance; and it cannot stop someone
 * posting a few plausible records by hand, which is why the report calls them voluntary and anonymous.
 */
function fixedWindowLimiter({ max, windowMs }: { max: number; windowMs: number }) {
  let windowStart = -Infinity;
  let used = 0;
  return (now: number): number => {
    if (now - windowStart >= windowMs) {
      windowStart = now;
      used = 0;
    }
    if (used >= max) return windowStart + windowMs - now;
    used += 1;
    return 0;
  };
}

export function createOutcomesRouter(deps: OutcomesRouterDeps): express.Router {
  const { store, enabled, flows } = deps;
  const now = deps.now ?? (() => new Date());
  const take = fixedWindowLimiter(deps.limit ?? { max: 60, windowMs: 60_000 });
  const router = express.Router();
  const cors = originCheck(deps.allowedOrigins);

  router.options('/api/outcomes', cors, (_req, res) => {
    res.setHeader('Access-Control-Allow-Methods', 'POST');
    res.setHeader('Access-Control-Allow-Headers', 'Content-Type');
    res.setHeader('Access-Control-Max-Age', '600');
    res.status(204).end();
  });

  router.post(
    '/api/outcomes',
    cors,
    (_req, res, next) => (enabled ? next() : refuse(res, 403, 'forbidden')),
    // Both content types are read as text and parsed here, so a beacon and a fetch are checked alike.
    express.text({ type: ['text/plain', 'application/json'], limit: MAX_OUTCOME_BYTES }),
    async (req, res) => {
      if (typeof req.body !== 'string') return refuse(res, 400, 'bad_request');
      let raw: unknown;
      try {
        raw = JSON.parse(req.body);
      } catch {
        return refuse(res, 400, 'bad_request');
      }
      const record = parseOutcomeRecord(raw, { flows, now });
      if (!record) return refuse(res, 400, 'bad_request');
      const wait = take(now().getTime());
      if (wait > 0) {
        res.setHeader('Retry-After', String(Math.ceil(wait / 1000)));
        return refuse(res, 429, 'rate_limited');
      }
      await store.addOutcome(record);
      res.status(204).end();
    },
  );

  router.use(bodyErrors);
  return router;
}
