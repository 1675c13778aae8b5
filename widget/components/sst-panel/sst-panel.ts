/**
 * @summary The chat panel `<sst-chat>` loads on demand: header with Get help now and Exit, the
 * transcript, and the current step's controls. Runs the flow's statechart through ActorController
 * and keeps its snapshot in session storage so reloads and other pages of the site resume it.
 */
import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { compileFlow, currentStep, higherRisk, type SessionMachine, type SessionSnapshot } from '../../../flows/compile.js';
import type { AnswerValue, Flow, SafetyPlan } from '../../../flows/schema.js';
import type { RiskLevel } from '../../../flows/safety/assess.js';
import { isPlan, localize } from '../../../flows/text.js';
import { ActorController } from '../../controllers/actor-controller.js';
import { SstEvent, type SstEventName } from '../../events.js';
import { strings, type Strings } from '../../i18n/index.js';
import type { SstChat } from '../../launcher/sst-chat.js';
import { loadConfig, pickFlow, safeUrl, type WidgetConfig } from '../../session/config.js';
import { loadFlow, readSession, usableSnapshot, writeSession } from '../../session/flows.js';
import { startMarks } from '../../session/outcome-marks.js';
import type { OutcomeSender } from '../../session/outcome.js';
import { escapeTwice, quickExit } from '../../session/quick-exit.js';
import { KEYS, clearAll, read, remove, write } from '../../session/storage.js';
import { define } from '../define.js';
import { sharedStyles } from '../shared.styles.js';
import { SstStep, preloadPlanForm } from '../sst-step/sst-step.js';
import type { SstHandoff } from '../sst-handoff/sst-handoff.js';
import type { SstSafety } from '../sst-safety/sst-safety.js';
import { renderHelp, renderResources } from './help.js';
import { renderEnd, renderHeader } from './parts.js';
import { panelStyles } from './sst-panel.styles.js';
import { renderTranscript } from './transcript.js';

export class SstPanel extends LitElement {
  static override styles = [sharedStyles, panelStyles];

  @property({ attribute: false }) chat!: SstChat;
  @state() private open = false;
  @state() private config: WidgetConfig | null = null;
  @state() private flow: Flow | null = null;
  @state() private helpOpen = false;
  @state() private failed = false;
  @state() private notice = '';
  /** Talking to a person: the handoff view replaces the flow's controls until it closes. */
  @state() private handoff = false;
  /** The safety screen's element, loaded when it is first needed. */
  @state() private safetyScreen = false;
  /**
   * The risk engine and the flow's safety wording load just after the flow, off the opening bundle;
   * answers wait for them (the check-in and the safety plan's card are the flow's own words).
   */
  private extras: Promise<typeof import('../../session/safety.js') | null> | null = null;
  private handoffRisk: RiskLevel = 'none';
  /** Sends the anonymous outcome record; loaded only once the person has said yes to sharing. */
  private outcome: Promise<OutcomeSender | null | undefined> | null = null;
  private sender: OutcomeSender | null = null;
  private session: ActorController<SessionMachine> | null = null;
  private t: Strings = strings(undefined);
  private loading: Promise<void> | null = null;
  private focusStep = false;
  private lastLength = -1;
  private completed = false;
  /** A new session's first messages are announced; a restored transcript is not read out again. */
  private announceFromStart = true;
  private escape = escapeTwice(
    (armed) => (this.notice = armed ? this.t.exitArmed : ''),
    () => this.exit(),
  );
  // Escape twice leaves from anywhere on the page, but only while the chat is open.
  private onKey = (event: KeyboardEvent) => {
    if (this.open) this.escape(event);
  };

  show(focus: boolean): void {
    this.open = true;
    this.focusStep = focus;
    write(KEYS.open, '1');
    if (!this.loading) this.announceFromStart = readSession() === null;
    this.loading ??= this.load();
    this.emit('sst-opened');
  }

  hide(): void {
    this.open = false;
    this.helpOpen = false;
    remove(KEYS.open);
    this.emit('sst-closed');
    this.chat.panelClosed();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('keydown', this.onKey);
    if (this.session) this.watchOutcome();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('keydown', this.onKey);
    // Out of the page, the widget no longer speaks for the session (moved: connecting again resumes).
    this.stopOutcome();
  }

  private emit(name: SstEventName): void {
    this.chat.dispatchEvent(new SstEvent(name, { flow: this.flow?.id ?? this.chat.getAttribute('flow') ?? 'default' }));
  }

  private async load(): Promise<void> {
    this.failed = false;
    try {
      const config = await loadConfig(this.chat);
      this.t = strings(config.locale);
      if (config.accent) this.style.setProperty('--sst-service-accent', config.accent);
      this.config = config;
      if (config.server && relayInProgress()) void this.openHandoff(false);
      const stored = readSession();
      this.announceFromStart = stored === null;
      const flowId = stored && config.flows.includes(stored.flow) ? stored.flow : pickFlow(this.chat, config);
      const flow = await loadFlow(flowId);
      // A snapshot from another version of the flow may name steps that no longer exist.
      const resumable = stored?.flow === flow.id && stored.version === flow.version && usableSnapshot(stored.snapshot, flow);
      if (!resumable) startMarks();
      this.start(flow, resumable ? stored.snapshot : undefined);
    } catch (error) {
      console.error('sst-chat: could not load', error instanceof Error ? error.message : error);
      this.fail();
    }
  }

  /** Shows the retry screen; a stored session that may have caused this is dropped, so retrying can work. */
  private fail(): void {
    remove(KEYS.session);
    this.failed = true;
    this.loading = null;
    this.focusStep = true;
  }

  private start(flow: Flow, snapshot: unknown): void {
    if (this.session) {
      this.session.dispose();
      this.removeController(this.session);
    }
    // A new flow is a new set of answers: its own consent question decides about sharing.
    this.stopOutcome();
    this.flow = flow;
    this.extras = null;
    void this.loadExtras(flow);
    void preloadPlanForm();
    this.completed = snapshot !== undefined && (snapshot as { status?: string }).status === 'done';
    this.session = new ActorController(this, compileFlow(flow, { locale: this.config!.locale, format: this.t.format }), {
      input: { enabledFlows: this.config!.flows, outcomes: this.config!.outcomes },
      snapshot,
      persist: (persisted, snap) => {
        writeSession({ v: 1, flow: flow.id, version: flow.version, snapshot: persisted });
        this.onSnapshot(snap);
      },
      onError: () => this.fail(),
    });
    if (snapshot === undefined) this.emit('sst-session-started');
    else this.watchOutcome();
    // Starting again keeps the same flow object, so no property changes: draw the new session.
    this.requestUpdate();
  }

  private onSnapshot(snap: SessionSnapshot): void {
    this.watchOutcome();
    if (snap.status !== 'done' || !snap.output) return;
    if (snap.output.switchTo) {
      const next = snap.output.switchTo;
      void loadFlow(next).then(
        (flow) => {
          this.focusStep = true;
          this.start(flow, undefined);
        },
        () => this.fail(),
      );
    } else {
      void this.outcome?.then((sender) => sender?.send());
      if (!this.completed) {
        this.completed = true;
        this.emit('sst-session-completed');
      }
    }
  }

  /** Loads the sender once the person has said yes (and the service collects outcomes). */
  private watchOutcome(): void {
    const c = this.config;
    const snap = this.session?.snapshot;
    if (this.outcome || !c?.outcomes || !c.server || snap?.context.answers.share_outcomes !== 'yes') return;
    // Only the latest request makes a sender: the session may have been replaced (or the element
    // taken out of the page) while the module loaded, and two senders would mean two records.
    const pending: Promise<OutcomeSender | null | undefined> = import('../../session/outcome.js').then(
      (m) => (this.outcome === pending ? (this.sender = new m.OutcomeSender(c, () => this.outcomeSession())) : undefined),
      () => (this.outcome === pending ? (this.outcome = null) : undefined), // tried again with the next answer
    );
    this.outcome = pending;
  }

  private outcomeSession() {
    const snap = this.session?.snapshot;
    return snap && this.flow
      ? { flow: this.flow, locale: snap.context.locale, answers: snap.context.answers, risk: snap.context.risk, completed: snap.status === 'done' && !snap.output?.switchTo }
      : null;
  }

  private stopOutcome(): void {
    this.sender?.stop();
    this.sender = this.outcome = null;
  }

  exit(): void {
    this.emit('sst-exit');
    // Quick exit sends what there is, if the sender is already here and the person agreed: a beacon
    // is queued in an instant and leaves nothing on the device (no storage, no history), so the exit
    // is no slower and no less clean. It never waits for anything to load.
    this.sender?.send();
    quickExit(this.config?.safeExitUrl ?? safeUrl(this.chat.getAttribute('safe-url') ?? undefined));
  }

  private restart(): void {
    // Starting again ends this session: its record goes now (once), before its marks are cleared.
    this.sender?.send();
    this.stopOutcome();
    clearAll();
    startMarks();
    write(KEYS.open, '1');
    this.focusStep = true;
    if (this.flow) this.start(this.flow, undefined);
  }

  private async openHandoff(focus: boolean, risk: RiskLevel = 'none'): Promise<void> {
    this.helpOpen = false;
    // The highest risk seen in the flow (or asked for: "Talk to a person now") orders the queue.
    this.handoffRisk = higherRisk(this.session?.snapshot.context.risk ?? 'none', risk);
    await import('../sst-handoff/sst-handoff.js');
    this.handoff = true;
    await this.updateComplete;
    if (focus) this.renderRoot.querySelector<SstHandoff>('sst-handoff')?.focusFirst();
  }

  private closeHandoff(finish: boolean): void {
    this.handoff = false;
    this.focusStep = true;
    if (finish) this.hide();
  }

  private toggleHelp(open: boolean): void {
    this.helpOpen = open;
    void this.updateComplete.then(() => {
      const target = open ? '#help-title' : '.help-button';
      this.renderRoot.querySelector<HTMLElement>(target)?.focus();
    });
  }

  protected override updated(): void {
    const snap = this.session?.snapshot;
    const length = snap?.context.transcript.length ?? 0;
    if (length !== this.lastLength) {
      const scroller = this.renderRoot.querySelector<HTMLElement>('.scroll');
      const entries = this.renderRoot.querySelectorAll<HTMLElement>('.transcript > .entry');
      // New messages are read from their first line: scroll it to the top of the view. After a
      // reload (nothing seen yet), show the latest messages instead.
      const firstNew = this.lastLength >= 0 ? entries[this.lastLength] : undefined;
      if (scroller) scroller.scrollTop = firstNew ? firstNew.offsetTop - 8 : scroller.scrollHeight;
      this.lastLength = length;
    }
    if (this.focusStep && this.open && (snap || this.failed) && !this.helpOpen) {
      this.focusStep = false;
      const step = this.renderRoot.querySelector<SstStep | SstSafety>('sst-step, sst-safety');
      if (step) void step.updateComplete.then(() => step.focusFirst());
      else this.renderRoot.querySelector<HTMLElement>('.end button, .retry, .check-in')?.focus();
    }
  }

  override render() {
    const t = this.t;
    const name = this.config?.serviceName ?? this.chat.getAttribute('service-name') ?? '';
    return html`<div
      part="panel"
      class="panel"
      role="dialog"
      aria-modal="false"
      aria-labelledby="title"
      lang=${t.lang}
      ?hidden=${!this.open}
    >
      <!-- The panel sits at the same (inline-end) corner as the launcher in the page's direction;
           its contents follow the direction of the chat's own language. -->
      <div class="frame" dir=${t.dir}>
      ${renderHeader(name, t, {
        canTalk: Boolean(this.config?.server),
        talking: this.handoff,
        helpOpen: this.helpOpen,
        talk: () => void this.openHandoff(true),
        toggleHelp: () => this.toggleHelp(!this.helpOpen),
        exit: () => this.exit(),
        hide: () => this.hide(),
      })}
      ${this.helpOpen ? renderHelp(this.config?.crisisResources ?? [], t, () => this.toggleHelp(false)) : nothing}
      <div class="body" ?hidden=${this.helpOpen}>${this.handoff ? this.renderHandoff() : this.renderBody()}</div>
      <p class="visually-hidden" role="status">${this.notice}</p>
      </div>
    </div>`;
  }

  private renderHandoff() {
    const snap = this.session?.snapshot;
    return html`<sst-handoff
      .server=${this.config?.server ?? ''}
      .config=${this.config}
      .flow=${this.flow}
      .answers=${snap?.context.answers ?? {}}
      .transcript=${snap?.context.transcript ?? []}
      .strings=${this.t}
      .risk=${this.handoffRisk}
      @handoff-close=${(e: CustomEvent<{ finish: boolean }>) => this.closeHandoff(e.detail.finish)}
    ></sst-handoff>`;
  }

  private renderBody() {
    const t = this.t;
    if (this.failed) {
      return html`<div class="controls" part="controls">
        <p role="alert">${t.loadFailed}</p>
        <button type="button" class="primary retry" @click=${() => (this.loading = this.load())}>${t.tryAgain}</button>
      </div>`;
    }
    const snap = this.session?.snapshot;
    // While loading (or moving into another flow after an age-band answer) the log is already
    // there, empty: a live region announces only what arrives after it exists, and the welcome
    // text (with "this is not a crisis service") must be heard.
    const ready = snap && this.flow && this.config && !snap.output?.switchTo;
    if (!ready && !this.announceFromStart) return html`<p class="loading" role="status">${t.loading}</p>`;
    if (ready && snap.value === 'safety') return this.renderSafety(snap.context.safetyPlan);
    const step = ready ? currentStep(this.flow!, snap) : undefined;
    const checkIn = ready && snap.value === 'check_in';
    const plan = ready ? Object.values(snap.context.answers).find(isPlan) : undefined;
    return html`<div class="scroll" tabindex="0" aria-label=${t.conversation} role="region">
        ${renderTranscript(ready ? snap.context.transcript : [], this.config?.serviceName ?? '', plan, t)}
        ${ready ? nothing : html`<p class="loading" role="status">${t.loading}</p>`}
        ${step?.crisis || checkIn ? renderResources(this.config!.crisisResources, t, true) : nothing}
      </div>
      <div class="controls" part="controls">
        ${!ready ? nothing : checkIn
          ? html`${this.flow!.safety?.checkIn.ask
                ? html`<button type="button" @click=${() => void this.checkInYes()}>
                    ${localize(this.flow!.safety.checkIn.ask.yes, snap.context.locale, this.flow!.locales[0]!)}
                  </button>`
                : nothing}<button type="button" class="primary check-in" @click=${() => void this.advance()}>
              ${localize(this.flow!.safety?.checkIn.continueLabel, snap.context.locale, this.flow!.locales[0]!) || t.continue}
            </button>`
          : step && step.kind !== 'end'
          ? html`<sst-step
              .step=${step}
              .flow=${this.flow}
              .answers=${snap!.context.answers}
              .locale=${snap!.context.locale}
              .strings=${t}
              @step-answer=${(e: CustomEvent<{ value: AnswerValue; other?: string }>) => void this.answer(e.detail)}
              @step-continue=${() => void this.advance()}
            ></sst-step>`
          : this.renderEnd()}
      </div>`;
  }

  private renderSafety(plan: SafetyPlan | null) {
    const texts = this.flow!.safety;
    if (!this.safetyScreen || !texts) {
      void this.loadSafetyScreen();
      // The crisis lines are in the configuration already: shown while the screen loads (or if it cannot).
      return html`<div class="scroll"><p class="loading" role="status">${this.t.loading}</p>${renderResources(this.config!.crisisResources, this.t)}</div>`;
    }
    return html`<div class="scroll"><sst-safety
      .texts=${texts}
      .resources=${this.config!.crisisResources}
      .strings=${this.t}
      .plan=${plan}
      .locale=${this.config!.locale}
      .fallback=${this.flow!.locales[0]!}
      ?canTalk=${!!this.config!.server}
      @safety-talk=${() => void this.openHandoff(true, 'urgent')}
      @safety-plan=${(e: CustomEvent<{ plan: SafetyPlan }>) => this.session?.send({ type: 'safety.planned', plan: e.detail.plan })}
      @safety-resume=${() => this.resume()}
    ></sst-safety></div>`;
  }

  /** Resolves with the risk engine (null if it could not load; tried again next time). */
  private loadExtras(flow: Flow) {
    return (this.extras ??= import('../../session/safety.js').then(
      async (m) => ((flow.safety ??= await m.loadSafety(flow.id)), m),
      () => (this.extras = null),
    ));
  }

  private async loadSafetyScreen(): Promise<void> {
    await Promise.all([this.loadExtras(this.flow!), import('../sst-safety/sst-safety.js')]).catch(() => {});
    this.safetyScreen = !!customElements.get('sst-safety');
    this.focusStep = true;
    this.requestUpdate();
  }

  /** "Yes" to the check-in's direct question: the safety screen, as for an urgent answer. */
  private async checkInYes(): Promise<void> {
    await this.loadSafetyScreen();
    this.session?.send({ type: 'check_in.yes' });
  }

  private resume(): void {
    this.focusStep = true;
    this.session?.send({ type: 'safety.resumed' });
  }

  /** Every free-text answer is assessed for risk before the flow hears it (see flows/safety/). */
  private async answer(detail: { value: AnswerValue; other?: string }): Promise<void> {
    const engine = await this.loadExtras(this.flow!);
    const kind = currentStep(this.flow!, this.session!.snapshot)?.kind;
    // Fails safe: when the engine cannot load (offline, a deploy replaced its file), any answer with
    // words in it gets the check-in and the crisis lines rather than passing unread.
    const words = kind === 'text' || kind === 'plan' ? JSON.stringify(detail.value).length > 2 : !!detail.other?.trim();
    const risk: RiskLevel = engine ? engine.answerRisk(kind, detail, this.config?.locale) : words ? 'concern' : 'none';
    if (risk === 'urgent') await this.loadSafetyScreen();
    this.focusStep = true;
    this.session?.send({ type: 'answer.submitted', ...detail, risk });
  }

  private async advance(): Promise<void> {
    await this.loadExtras(this.flow!);
    this.focusStep = true;
    this.session?.send({ type: 'step.continued' });
  }

  private renderEnd() {
    const step = this.flow && this.session ? currentStep(this.flow, this.session.snapshot) : undefined;
    const locale = this.config?.locale ?? 'en';
    const flowLinks = step?.kind === 'end' ? step.links.map((l) => ({ label: localize(l.label, locale, this.flow!.locales[0]!), href: l.href })) : [];
    return renderEnd([...flowLinks, ...(this.config?.links ?? [])], this.t, () => this.hide(), () => this.restart());
  }
}

/** A live chat (or a place in the queue) to pick up again after a reload or on another page. */
function relayInProgress(): boolean {
  try {
    return (JSON.parse(read(KEYS.relay) ?? 'null') as { stage?: string } | null)?.stage === 'relay';
  } catch {
    return false;
  }
}

define('sst-panel', SstPanel);

declare global {
  interface HTMLElementTagNameMap {
    'sst-panel': SstPanel;
  }
}
