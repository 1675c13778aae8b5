/**
 * The leads' endpoints (the service report and accounts), as the console uses them. The server
 * decides who may call them; the console only turns its answers into something to show.
 */
import type { Role } from '../protocol.js';
import type { AccountView, ServiceReport } from '../report/types.js';
import { JSON_HEADERS, readJson } from './api.js';

/**
 * Why a call did not work. `signed_out`: the session is gone (sign in again). `forbidden`: signed
 * in, but not a lead. `conflict`: a rule said no, and `message` says which in a sentence.
 */
export type Refusal = 'signed_out' | 'forbidden' | 'conflict' | 'bad_request' | 'not_found' | 'network' | 'server';
export type LeadResult<T> = { ok: true; value: T } | { ok: false; reason: Refusal; message?: string };

export interface ReportQuery {
  /** YYYY-MM-DD, inclusive (UTC days, as the server counts them). */
  from: string;
  to: string;
  /** A flow id, or "all". */
  flow: string;
}

export interface NewAccount {
  username: string;
  displayName: string;
  role: Role;
  password: string;
}

type Body = Record<string, unknown> | null;

async function call<T>(method: 'GET' | 'POST', url: string, pick: (body: Body) => T | undefined, payload?: object): Promise<LeadResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: method === 'POST' ? JSON_HEADERS : { Accept: 'application/json' },
      ...(method === 'POST' ? { body: JSON.stringify(payload ?? {}) } : {}),
    });
  } catch {
    return { ok: false, reason: 'network' };
  }
  const body = (await readJson(response)) as Body;
  if (response.ok && body?.ok === true) {
    const value = pick(body);
    if (value !== undefined) return { ok: true, value };
    return { ok: false, reason: 'server' };
  }
  const message = typeof body?.message === 'string' ? body.message : undefined;
  const reason: Refusal =
    response.status === 401 ? 'signed_out'
    : response.status === 403 ? 'forbidden'
    : response.status === 409 ? 'conflict'
    : response.status === 400 ? 'bad_request'
    : response.status === 404 ? 'not_found'
    : 'server';
  return { ok: false, reason, ...(message ? { message } : {}) };
}

export function reportSearch(query: ReportQuery): string {
  return new URLSearchParams({ from: query.from, to: query.to, flow: query.flow }).toString();
}

export function fetchReport(query: ReportQuery): Promise<LeadResult<ServiceReport>> {
  return call('GET', `/api/report?${reportSearch(query)}`, (b) => {
    const report = b?.report as ServiceReport | undefined;
    return report && typeof report.sessions === 'object' && Array.isArray(report.weeks) ? report : undefined;
  });
}

/** The CSV of the anonymous records behind a report (the server sends it as a download). */
export function reportCsvUrl(query: ReportQuery): string {
  return `/api/report.csv?${reportSearch(query)}`;
}

/** The service's flows, from its public configuration (the same the widget reads). */
export async function fetchFlows(): Promise<string[]> {
  try {
    const response = await fetch('/api/config', { headers: { Accept: 'application/json' } });
    const body = (await readJson(response)) as { flows?: unknown } | null;
    return Array.isArray(body?.flows) ? body.flows.filter((f): f is string => typeof f === 'string') : [];
  } catch {
    return [];
  }
}

export function listAccounts(): Promise<LeadResult<AccountView[]>> {
  return call('GET', '/api/accounts', (b) => (Array.isArray(b?.accounts) ? (b.accounts as AccountView[]) : undefined));
}

export function addAccount(account: NewAccount): Promise<LeadResult<true>> {
  return call('POST', '/api/accounts', () => true, account);
}

const accountUrl = (username: string, action: string) => `/api/accounts/${encodeURIComponent(username)}/${action}`;

export function setAccountDisabled(username: string, disabled: boolean): Promise<LeadResult<true>> {
  return call('POST', accountUrl(username, disabled ? 'disable' : 'enable'), () => true);
}

export function resetAccountPassword(username: string, password: string): Promise<LeadResult<true>> {
  return call('POST', accountUrl(username, 'reset-password'), () => true, { password });
}

export function setAccountRole(username: string, role: Role): Promise<LeadResult<true>> {
  return call('POST', accountUrl(username, 'role'), () => true, { role });
}
