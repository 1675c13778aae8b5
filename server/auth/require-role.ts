/**
 * Route guard for the lead-only API (report, accounts): the server decides, whatever the console
 * shows. No valid session → 401 unauthorised; signed in but not a lead → 403 forbidden. The
 * signed-in account is left in `res.locals.therapist` for the handler.
 */
import type { RequestHandler, Response } from 'express';
import { refuse } from '../api-errors.js';
import type { Role } from '../protocol.js';
import type { Store, TherapistRecord } from '../store/store.js';
import { therapistFromCookie } from './sessions.js';

export function requireRole(store: Store, role: Role, now: () => Date = () => new Date()): RequestHandler {
  return async (req, res, next) => {
    // Personal answers (and refusals of them) are never cached.
    res.setHeader('Cache-Control', 'no-store');
    const therapist = await therapistFromCookie(store, req.headers.cookie, now());
    // Disabling an account deletes its sessions; checking here as well costs nothing.
    if (!therapist || therapist.disabled) return refuse(res, 401, 'unauthorised');
    if (therapist.role !== role) return refuse(res, 403, 'forbidden');
    res.locals.therapist = therapist;
    next();
  };
}

/** The account `requireRole` let through. */
export function signedIn(res: Response): TherapistRecord {
  return res.locals.therapist as TherapistRecord;
}
