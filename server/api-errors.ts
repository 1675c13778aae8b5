/**
 * How the JSON API routes of the report, outcomes and accounts refuse: `{ ok: false, code }`, plus
 * `message` (a sentence to show a lead) for rule refusals (`conflict`).
 */
import type { ErrorRequestHandler, Response } from 'express';
import type { ErrorCode } from './protocol.js';

export type ApiErrorCode = ErrorCode | 'conflict';

export function refuse(res: Response, status: number, code: ApiErrorCode, message?: string): void {
  res.status(status).json(message === undefined ? { ok: false, code } : { ok: false, code, message });
}

/**
 * Body parser errors become our codes here, so a router answers the same whatever app it is in.
 * Anything else goes on to the app's own error handler.
 */
export const bodyErrors: ErrorRequestHandler = (error: unknown, _req, res, next) => {
  const type = typeof error === 'object' && error !== null ? (error as { type?: unknown }).type : undefined;
  if (type === 'entity.too.large') return refuse(res, 413, 'too_large');
  if ((typeof type === 'string' && type.startsWith('entity.')) || type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return refuse(res, 400, 'bad_request');
  }
  next(error);
};
