/** Anonymous outcome records in the SQLite store: stored field for field, selected by hour and flow. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { OUTCOME_FIELDS, type OutcomeRecord } from '../../server/outcomes/record.js';
import { useTempStore } from './temp-store.js';

const { file, open } = useTempStore();

const full: OutcomeRecord = {
  flow: 'default',
  locale: 'en',
  startedHour: '2025-03-03T14:00:00.000Z',
  completed: true,
  handoff: false,
  risk: 'concern',
  before: 0,
  after: 10,
  gotWhatCameFor: 'partly',
  helpful: 'a_little',
  nextStep: 'not_at_all',
};
const empty: OutcomeRecord = {
  flow: 'youth',
  locale: 'en-AU',
  startedHour: '2025-03-03T09:00:00.000Z',
  completed: false,
  handoff: true,
  risk: 'urgent',
  before: null,
  after: null,
  gotWhatCameFor: null,
  helpful: null,
  nextStep: null,
};
const WEEK = { from: '2025-03-03T00:00:00.000Z', to: '2025-03-10T00:00:00.000Z' };

describe('outcome records', () => {
  it('gives back exactly what was stored, every field, oldest first', async () => {
    const store = open();
    await store.addOutcome(full);
    await store.addOutcome(empty);
    const stored = await store.outcomes(WEEK);
    expect(stored).toEqual([empty, full]);
    for (const record of stored) expect(Object.keys(record).sort()).toEqual([...OUTCOME_FIELDS].sort());
  });

  it('stores nothing but the allowed fields, whatever the object carries', async () => {
    const store = open();
    await store.addOutcome({ ...full, token: 'secret-token', text: 'free text' } as OutcomeRecord);
    expect(await store.outcomes(WEEK)).toEqual([full]);
    const db = new Database(file(), { readonly: true });
    try {
      const columns = (db.prepare('PRAGMA table_info(outcomes)').all() as Array<{ name: string }>).map((c) => c.name);
      expect(columns).toEqual([
        'id', 'flow', 'locale', 'started_hour', 'completed', 'handoff', 'risk',
        'before_rating', 'after_rating', 'got_what_came_for', 'helpful', 'next_step',
      ]);
    } finally {
      db.close();
    }
  });

  it('selects by started hour (from inclusive, to exclusive) and by flow', async () => {
    const store = open();
    const hours = ['2025-03-02T23:00:00.000Z', '2025-03-03T00:00:00.000Z', '2025-03-09T23:00:00.000Z', '2025-03-10T00:00:00.000Z'];
    for (const [i, startedHour] of hours.entries()) await store.addOutcome({ ...full, startedHour, flow: i % 2 ? 'youth' : 'default' });
    expect((await store.outcomes(WEEK)).map((r) => r.startedHour)).toEqual([hours[1], hours[2]]);
    expect((await store.outcomes({ ...WEEK, flow: 'youth' })).map((r) => r.startedHour)).toEqual([hours[1]]);
    expect((await store.outcomes({ ...WEEK, flow: 'default' })).map((r) => r.startedHour)).toEqual([hours[2]]);
  });

  it('refuses, at the database, values the record cannot hold', async () => {
    const store = open();
    const bad: Array<Partial<Record<keyof OutcomeRecord, unknown>>> = [
      { before: 11 },
      { after: -1 },
      { before: 2.5 },
      { risk: 'high' },
      { gotWhatCameFor: 'maybe' },
      { helpful: 'extremely' },
      { nextStep: 'sometimes' },
      { startedHour: '2025-03-03T14:30:00.000Z' },
    ];
    for (const change of bad) await expect(store.addOutcome({ ...full, ...change } as OutcomeRecord)).rejects.toThrow();
    expect(await store.outcomes(WEEK)).toEqual([]);
  });
});
