/**
 * The anonymous outcome record in Chromium: its exact fields and values, and when it is (and is
 * not) sent. `navigator.sendBeacon` is intercepted in this page to see what would leave it; the
 * real endpoint and store are exercised in test/e2e/outcome.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { page } from 'vitest/browser';
import { createActor } from 'xstate';
import flow from '../../flows/default.flow.yaml';
import { compileFlow, currentStep, type SessionActor } from '../../flows/compile.js';
import type { AnswerValue, PlanAnswer } from '../../flows/schema.js';
import { FEEDBACK_SCALE, GOT_WHAT_CAME_FOR, OUTCOME_FIELDS, type OutcomeRecord } from '../../server/outcomes/record.js';
import '../../widget/index.js';
import { OutcomeSender, outcomeRecord, type OutcomeSession } from '../../widget/session/outcome.js';
import { readMarks, startMarks } from '../../widget/session/outcome-marks.js';

const SERVER = 'https://service.example/chat';
const PLAN: PlanAnswer = { what: 'Text my sister', day: 1, time: '18:00', where: 'At home', obstacle: 'Feeling flat', ifThen: 'I will send one word' };

/** What left the page through sendBeacon: the URL, and the body as the server would read it. */
let beacons: Array<{ url: string; type: string; body: Promise<string> }> = [];
beforeEach(() => {
  beacons = [];
  vi.spyOn(navigator, 'sendBeacon').mockImplementation((url, data) => {
    const blob = data as Blob;
    beacons.push({ url: String(url), type: blob.type, body: blob.text() });
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
  sessionStorage.clear();
});

/** Runs the default flow with outcomes on, answering `answers` and ordinary answers elsewhere, up to `until`. */
function session(answers: Record<string, AnswerValue>, until?: string): SessionActor {
  const actor = createActor(compileFlow(flow), { input: { enabledFlows: ['default'], outcomes: true } }).start();
  for (let i = 0; i < 100 && actor.getSnapshot().status === 'active' && actor.getSnapshot().value !== until; i++) {
    const step = currentStep(flow, actor.getSnapshot())!;
    const value: AnswerValue | undefined =
      answers[step.id] ??
      (step.kind === 'text' ? 'my own words' : step.kind === 'rating' ? 5 : step.kind === 'plan' ? PLAN : step.kind === 'choice'
        ? step.multiple ? [step.options[0]!.value] : step.options.find((o) => !o.flow && !o.goto)!.value
        : undefined);
    actor.send(value === undefined ? { type: 'step.continued' } : { type: 'answer.submitted', value });
  }
  return actor;
}

const facts = (actor: SessionActor): OutcomeSession => {
  const snap = actor.getSnapshot();
  return { flow, locale: snap.context.locale, answers: snap.context.answers, risk: snap.context.risk, completed: snap.status === 'done' };
};

const FULL = { outcome_consent: 'yes', rating_before: 3, rating_after: 7, got_what_came_for: 'partly', helpful: 'quite', next_step: 'very' };

describe('the outcome record', () => {
  it('holds exactly the allowed fields, with allowed values, and none of the words typed', () => {
    startMarks(new Date('2026-11-26T14:37:12.345Z'));
    const actor = session(FULL);
    const record = outcomeRecord(facts(actor), readMarks());
    expect(Object.keys(record).sort()).toEqual([...OUTCOME_FIELDS].sort());
    expect(record).toEqual({
      flow: 'default',
      locale: 'en',
      startedHour: '2026-11-26T14:00:00.000Z',
      completed: true,
      handoff: false,
      risk: 'none',
      before: 3,
      after: 7,
      gotWhatCameFor: 'partly',
      helpful: 'quite',
      nextStep: 'very',
    } satisfies OutcomeRecord);
    expect(GOT_WHAT_CAME_FOR).toContain(record.gotWhatCameFor);
    expect(FEEDBACK_SCALE).toContain(record.helpful);
    expect(JSON.stringify(record)).not.toMatch(/my own words|Text my sister|At home/);
  });

  it('has null for what was not answered (or is not a valid value), and not completed mid-session', () => {
    const actor = session({ outcome_consent: 'yes', rating_before: 6 }, 'best_hopes');
    const answers = { ...actor.getSnapshot().context.answers, after: 11, helpful: 'extremely', got_what_came_for: ['yes'] };
    const record = outcomeRecord({ ...facts(actor), answers }, null, new Date('2026-01-02T03:04:05Z'));
    expect(Object.keys(record).sort()).toEqual([...OUTCOME_FIELDS].sort());
    expect(record).toMatchObject({ completed: false, before: 6, after: null, gotWhatCameFor: null, helpful: null, nextStep: null, startedHour: '2026-01-02T03:00:00.000Z' });
  });
});

describe('sending the record', () => {
  const on = { outcomes: true, server: SERVER };

  it('goes once to <server>/api/outcomes as text/plain, and a reload does not send it again', async () => {
    startMarks();
    const actor = session(FULL);
    const sender = new OutcomeSender(on, () => facts(actor));
    expect(sender.send()).toBe(true);
    expect(sender.send()).toBe(false);
    sender.stop();
    // A reload: a new sender for the same stored session.
    const again = new OutcomeSender(on, () => facts(actor));
    expect(again.send()).toBe(false);
    again.stop();
    expect(beacons).toHaveLength(1);
    expect(beacons[0]).toMatchObject({ url: 'https://service.example/chat/api/outcomes', type: 'text/plain' });
    expect(JSON.parse(await beacons[0]!.body)).toEqual(outcomeRecord(facts(actor), readMarks()));
  });

  it('goes when the page is left mid-session, marked not completed', async () => {
    startMarks();
    const actor = session({ outcome_consent: 'yes', rating_before: 2 }, 'preferred_future');
    const sender = new OutcomeSender(on, () => facts(actor));
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    sender.stop();
    expect(beacons).toHaveLength(1);
    expect(JSON.parse(await beacons[0]!.body)).toMatchObject({ completed: false, before: 2, after: null });
  });

  it('is never sent when the person says no, the service has outcomes off, or there is no server', () => {
    const yes = session(FULL);
    const no = session({ ...FULL, outcome_consent: 'no' });
    expect(no.getSnapshot().context.answers).toMatchObject({ share_outcomes: 'no', helpful: 'quite' });
    for (const [config, actor] of [
      [on, no],
      [{ outcomes: false, server: SERVER }, yes],
      [{ outcomes: true, server: null }, yes],
    ] as const) {
      const sender = new OutcomeSender(config, () => facts(actor));
      expect(sender.send()).toBe(false);
      window.dispatchEvent(new PageTransitionEvent('pagehide'));
      sender.stop();
    }
    expect(beacons).toEqual([]);
  });
});

describe('<sst-chat> with a service that collects outcomes', () => {
  /** The service's /api/config says outcomes are on; every other request goes through untouched. */
  function serviceSays(outcomes: boolean): void {
    const realFetch = window.fetch.bind(window);
    vi.spyOn(window, 'fetch').mockImplementation((input, init) =>
      String(input) === `${SERVER}/api/config`
        ? Promise.resolve(new Response(JSON.stringify({ serviceName: 'Test Service', flows: ['default'], outcomes }), { headers: { 'content-type': 'application/json' } }))
        : realFetch(input, init),
    );
  }

  /** A session stored at "did you get what you came for", as a reload or another page would find it. */
  function storeSessionAt(consent: string, outcomes = true): void {
    const actor = createActor(compileFlow(flow), { input: { enabledFlows: ['default'], outcomes } }).start();
    for (let i = 0; i < 100 && actor.getSnapshot().value !== 'got_what_came_for'; i++) {
      const step = currentStep(flow, actor.getSnapshot())!;
      const value = { outcome_consent: consent, rating_before: 4 }[step.id] ??
        (step.kind === 'text' ? 'words' : step.kind === 'rating' ? 8 : step.kind === 'plan' ? PLAN : step.kind === 'choice'
          ? step.multiple ? [step.options[0]!.value] : step.options.find((o) => !o.flow && !o.goto)!.value
          : undefined);
      actor.send(value === undefined ? { type: 'step.continued' } : { type: 'answer.submitted', value });
    }
    sessionStorage.setItem('sst-chat:session', JSON.stringify({ v: 1, flow: 'default', version: flow.version, snapshot: actor.getPersistedSnapshot() }));
    startMarks(new Date('2026-11-26T09:15:00Z'));
  }

  async function open(): Promise<void> {
    const chat = document.createElement('sst-chat');
    chat.setAttribute('server', SERVER);
    document.body.append(chat);
    await page.getByRole('button', { name: 'Need to talk?' }).click();
  }

  async function finish(): Promise<void> {
    await page.getByRole('button', { name: 'Partly' }).click();
    await page.getByRole('button', { name: 'Quite helpful' }).click();
    await page.getByRole('button', { name: 'Very likely' }).click();
    await page.getByRole('button', { name: 'Skip this question' }).click();
    await expect.element(page.getByRole('button', { name: 'Start a new session' })).toBeVisible();
  }

  it('sends one record at the end after a yes, and none for the new session started after it', async () => {
    serviceSays(true);
    storeSessionAt('yes');
    await open();
    await finish();
    await vi.waitFor(() => expect(beacons).toHaveLength(1));
    expect(JSON.parse(await beacons[0]!.body)).toEqual({
      flow: 'default', locale: 'en', startedHour: '2026-11-26T09:00:00.000Z', completed: true, handoff: false, risk: 'none',
      before: 4, after: 8, gotWhatCameFor: 'partly', helpful: 'quite', nextStep: 'very',
    });
    await page.getByRole('button', { name: 'Start a new session' }).click();
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    await expect.element(page.getByRole('button', { name: "I understand. Let's start." })).toBeVisible();
    expect(beacons).toHaveLength(1);
  });

  // "handoff" means the person joined the queue (test/e2e/outcome-report.test.ts shows that, with a
  // real server); looking at the "Talk to a person" form and going back is not a handoff.
  it('does not count opening "Talk to a person" without asking as a handoff', async () => {
    serviceSays(true);
    storeSessionAt('yes');
    await open();
    await page.getByRole('button', { name: 'Talk to a person' }).click();
    await page.getByRole('button', { name: 'Back to the session' }).click();
    await finish();
    await vi.waitFor(() => expect(beacons).toHaveLength(1));
    expect(JSON.parse(await beacons[0]!.body)).toMatchObject({ handoff: false, completed: true });
  });

  it('sends nothing after a "No, thanks", at the end or when the page is left', async () => {
    serviceSays(true);
    storeSessionAt('no');
    await open();
    await finish();
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(beacons).toEqual([]);
  });

  it('never asks, and sends nothing, when the service has outcomes off', async () => {
    serviceSays(false);
    const chat = document.createElement('sst-chat');
    chat.setAttribute('server', SERVER);
    document.body.append(chat);
    await page.getByRole('button', { name: 'Need to talk?' }).click();
    await page.getByRole('button', { name: "I understand. Let's start." }).click();
    await page.getByRole('button', { name: '18 or over' }).click();
    await expect.element(page.getByRole('group', { name: 'How things are for me right now' })).toBeVisible();
    expect(document.body.innerText + JSON.stringify(sessionStorage)).not.toContain('anonymous');
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(beacons).toEqual([]);
  });
});
