/**
 * The service report, leads only: `GET /api/report` (figures) and `GET /api/report.csv` (the
 * anonymous outcome records), both with `?from=YYYY-MM-DD&to=YYYY-MM-DD&flow=all|<flow>`.
 * `to` is inclusive: the store is asked for [from 00:00Z, the day after `to` 00:00Z).
 */
import express from 'express';
import { z } from 'zod';
import { refuse } from '../api-errors.js';
import { requireRole } from '../auth/require-role.js';
import type { Store, TimeRange } from '../store/store.js';
import { outcomesCsv } from './csv.js';
import { buildReport, type ReportRange } from './stats.js';

const DAY_MS = 24 * 3600 * 1000;
/** A year, leap day included: enough for an annual report, small enough to compute on request. */
export const MAX_REPORT_DAYS = 366;

export interface ReportRouterDeps {
  store: Store;
  /** The service's flows (a report is for one of them, or "all"). */
  flows: readonly string[];
  now?: () => Date;
}

/** A real calendar date (2026-02-30 is refused), as ms at midnight UTC. */
const dayOf = (value: string) => {
  const time = Date.parse(`${value}T00:00:00.000Z`);
  return Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== value ? null : time;
};
const CalendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((v) => dayOf(v) !== null);

function querySchema(flows: readonly string[]) {
  return z
    .strictObject({
      from: CalendarDate,
      to: CalendarDate,
      flow: z.string().refine((f) => f === 'all' || flows.includes(f)).default('all'),
    })
    .refine((q) => {
      const days = ((dayOf(q.to) ?? 0) - (dayOf(q.from) ?? 0)) / DAY_MS + 1;
      return days >= 1 && days <= MAX_REPORT_DAYS;
    });
}

/** The store's half-open range for an inclusive date range. */
export function toTimeRange(range: ReportRange): TimeRange {
  const from = new Date(`${range.from}T00:00:00.000Z`).toISOString();
  const to = new Date(Date.parse(`${range.to}T00:00:00.000Z`) + DAY_MS).toISOString();
  return range.flow === 'all' ? { from, to } : { from, to, flow: range.flow };
}

export function createReportRouter(deps: ReportRouterDeps): express.Router {
  const { store } = deps;
  const leadOnly = requireRole(store, 'lead', deps.now);
  const schema = querySchema(deps.flows);
  const router = express.Router();

  const rangeOf = (query: unknown): ReportRange | null => {
    const parsed = schema.safeParse(query);
    return parsed.success ? parsed.data : null;
  };

  router.get('/api/report', leadOnly, async (req, res) => {
    const range = rangeOf(req.query);
    if (!range) return refuse(res, 400, 'bad_request');
    const timeRange = toTimeRange(range);
    const [records, handoffs] = await Promise.all([store.outcomes(timeRange), store.handoffStats(timeRange)]);
    res.json({ ok: true, report: buildReport(range, records, handoffs) });
  });

  router.get('/api/report.csv', leadOnly, async (req, res) => {
    const range = rangeOf(req.query);
    if (!range) return refuse(res, 400, 'bad_request');
    const records = await store.outcomes(toTimeRange(range));
    const name = `outcomes-${range.flow}-${range.from}-to-${range.to}.csv`;
    res.setHeader('Content-Type', 'text/csv; charset=utf-8; header=present');
    res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
    res.send(outcomesCsv(records));
  });

  return router;
}
