/**
 * The strict check of an incoming outcome record (`POST /api/outcomes`). Anyone can post one, so
 * every field is a closed list, a bounded number or a fixed shape, and any other field is refused:
 * nothing free-form or identifying can be slipped into the figures.
 */
import { z } from 'zod';
import { FEEDBACK_SCALE, GOT_WHAT_CAME_FOR, type OutcomeRecord } from './record.js';

const HOUR_MS = 3600 * 1000;
/** A session's record is sent when it ends; a week is ample for a page left open or a late beacon. */
export const MAX_RECORD_AGE_MS = 7 * 24 * HOUR_MS;
/** Allows for a visitor's clock running ahead of ours. */
export const MAX_RECORD_AHEAD_MS = HOUR_MS;

const HOUR_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:00:00\.000Z$/;

export interface OutcomeSchemaOptions {
  /** The service's flows: a record names one of them. */
  flows: readonly string[];
  now: () => Date;
}

export function outcomeRecordSchema({ flows, now }: OutcomeSchemaOptions) {
  const rating = z.number().int().min(0).max(10).nullable();
  const startedHour = z
    .string()
    .regex(HOUR_PATTERN)
    // A real hour (no 2026-02-30), not too far ahead of our clock and not too old.
    .refine((value) => {
      const time = Date.parse(value);
      if (Number.isNaN(time) || new Date(time).toISOString() !== value) return false;
      const current = now().getTime();
      return time <= current + MAX_RECORD_AHEAD_MS && time >= current - MAX_RECORD_AGE_MS;
    });
  const schema = z.strictObject({
    flow: z.string().refine((f) => flows.includes(f)),
    locale: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/),
    startedHour,
    completed: z.boolean(),
    handoff: z.boolean(),
    risk: z.enum(['none', 'concern', 'urgent']),
    before: rating,
    after: rating,
    gotWhatCameFor: z.enum(GOT_WHAT_CAME_FOR).nullable(),
    helpful: z.enum(FEEDBACK_SCALE).nullable(),
    nextStep: z.enum(FEEDBACK_SCALE).nullable(),
  });
  return schema satisfies z.ZodType<OutcomeRecord>;
}

/** The record, or null when it is not exactly an allowed one. */
export function parseOutcomeRecord(raw: unknown, options: OutcomeSchemaOptions): OutcomeRecord | null {
  const result = outcomeRecordSchema(options).safeParse(raw);
  return result.success ? result.data : null;
}
