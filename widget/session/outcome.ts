/**
 * The anonymous outcome record (server/outcomes/record.ts): built from the session and sent once,
 * only when the service collects outcomes, has a server, and the person said yes to sharing.
 *
 * A chunk of its own: the panel imports it when the person says yes (or resumes a session where
 * they did), so it is loaded long before the page can go away. On `pagehide` there is no time to
 * load anything: the beacon has to be queued synchronously, right there.
 */
import type { FeedbackAnswer, GotWhatCameFor, OutcomeRecord } from '../../server/outcomes/record.js';
import type { RiskLevel } from '../../flows/safety/assess.js';
import type { AnswerValue, Answers, Flow } from '../../flows/schema.js';
import { apiUrl, type WidgetConfig } from './config.js';
import { hourOf, mark, readMarks, type OutcomeMarks } from './outcome-marks.js';
import { KEYS, read } from './storage.js';

/** What the record is made of, as the panel has it now. */
export interface OutcomeSession {
  flow: Flow;
  locale: string;
  answers: Answers;
  risk: RiskLevel;
  /** The person reached the flow's end step. */
  completed: boolean;
}

type Config = Pick<WidgetConfig, 'outcomes' | 'server'>;

/** Only with the service's switch on, a server to send to, and the person's own yes. */
export function mayShare(config: Config, answers: Answers): boolean {
  return config.outcomes === true && Boolean(config.server) && answers.share_outcomes === 'yes';
}

const rating = (value: AnswerValue | undefined): number | null =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 10 ? value : null;

/**
 * A single-choice answer when it is one of the step's options, else null. `flows:check` holds the
 * options of these answers to the record's lists, so an option is always a value the server takes;
 * anything else (storage is untrusted) becomes null rather than a record the server refuses.
 */
function choice<T extends string>(flow: Flow, capture: string, value: AnswerValue | undefined): T | null {
  const step = flow.steps.find((s) => s.kind === 'choice' && s.capture === capture);
  return step?.kind === 'choice' && !step.multiple && step.options.some((o) => o.value === value) ? (value as T) : null;
}

/** Exactly the record's fields, never anything else: no words the person typed, no id, no exact time. */
export function outcomeRecord(session: OutcomeSession, marks: OutcomeMarks | null, now = new Date()): OutcomeRecord {
  const a = session.answers;
  return {
    flow: session.flow.id,
    locale: session.locale,
    startedHour: marks?.started ?? hourOf(now),
    completed: session.completed,
    handoff: marks?.handoff === true,
    risk: session.risk === 'concern' || session.risk === 'urgent' ? session.risk : 'none',
    before: rating(a.before),
    after: rating(a.after),
    gotWhatCameFor: choice<GotWhatCameFor>(session.flow, 'got_what_came_for', a.got_what_came_for),
    helpful: choice<FeedbackAnswer>(session.flow, 'helpful', a.helpful),
    nextStep: choice<FeedbackAnswer>(session.flow, 'next_step', a.next_step),
  };
}

/**
 * Queues the request so it outlives the page. text/plain needs no CORS preflight, which a beacon
 * cannot make. The endpoint reads only the body: no cookie or header goes into the record.
 */
export function post(url: string, json: string): void {
  try {
    if (navigator.sendBeacon(url, new Blob([json], { type: 'text/plain' }))) return;
  } catch {
    /* no beacon here (or it threw): fall through to fetch */
  }
  void fetch(url, { method: 'POST', body: json, keepalive: true, credentials: 'omit', headers: { 'content-type': 'text/plain' } }).catch(
    () => undefined, // anonymous statistics: a lost record is not worth troubling the person about
  );
}

interface NavigateEvent extends Event {
  destination: { url: string; sameDocument: boolean };
  downloadRequest: string | null;
}
interface NavigationLike {
  addEventListener(type: 'navigate', listener: (e: NavigateEvent) => void): void;
  addEventListener(type: 'navigateerror', listener: () => void): void;
  removeEventListener(type: 'navigate', listener: (e: NavigateEvent) => void): void;
  removeEventListener(type: 'navigateerror', listener: () => void): void;
}

/**
 * Sends the session's record once: at the end, when the person leaves (the panel calls `send`),
 * or when the page goes away mid-session (`pagehide`). `stop` when the session is replaced.
 */
export class OutcomeSender {
  #sent = false;
  /** The page is going to another page of this site with the chat open: the session goes on there. */
  #carriesOn = false;
  readonly #navigation = (window as { navigation?: NavigationLike }).navigation;

  constructor(
    private readonly config: Config,
    private readonly session: () => OutcomeSession | null,
  ) {
    addEventListener('pagehide', this.#onPageHide);
    this.#navigation?.addEventListener('navigate', this.#onNavigate);
    // A navigation that never happened (a cancel, a 204, an error) must not stop the record going later.
    this.#navigation?.addEventListener('navigateerror', this.#carryOnReset);
    addEventListener('pageshow', this.#carryOnReset);
  }

  /** Sends the record now, if the person agreed and it has not gone yet. Synchronous: safe in pagehide. */
  send(): boolean {
    const session = this.session();
    // The in-memory flag also covers quick exit, which clears storage before the page goes.
    if (this.#sent || !session || !mayShare(this.config, session.answers)) return false;
    const marks = readMarks();
    if (marks?.sent) return (this.#sent = true), false;
    this.#sent = true;
    mark({ sent: true });
    post(apiUrl(this.config.server!, 'outcomes'), JSON.stringify(outcomeRecord(session, marks)));
    return true;
  }

  stop(): void {
    removeEventListener('pagehide', this.#onPageHide);
    this.#navigation?.removeEventListener('navigate', this.#onNavigate);
    this.#navigation?.removeEventListener('navigateerror', this.#carryOnReset);
    removeEventListener('pageshow', this.#carryOnReset);
  }

  /**
   * Leaving mid-session (closing the tab, going to another site) sends what there is, marked not
   * completed. Another page of the same site with the chat open resumes the session there, and its
   * record goes at its real end; only browsers with the Navigation API can tell the two apart, the
   * others send here (a reload then cannot send again: the record is marked sent). With the chat
   * hidden, the next page loads it only if the person opens it again, so what there is goes now.
   */
  #onPageHide = (): void => {
    if (!this.#carriesOn) this.send();
  };

  #carryOnReset = (): void => {
    this.#carriesOn = false;
  };

  #onNavigate = (e: NavigateEvent): void => {
    const url = new URL(e.destination.url, location.href);
    this.#carriesOn = !e.destination.sameDocument && !e.downloadRequest && url.origin === location.origin && read(KEYS.open) === '1';
  };
}
