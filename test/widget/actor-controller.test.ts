/**
 * The ActorController in a real Lit element in Chromium: snapshot before connect, persistence,
 * and — the important part — moving the element in the page keeps the conversation.
 */
import { LitElement, html } from 'lit';
import { afterEach, describe, expect, it } from 'vitest';
import { assign, setup } from 'xstate';
import { ActorController } from '../../widget/controllers/actor-controller.js';

const counter = setup({
  types: { context: {} as { count: number }, events: {} as { type: 'inc' } | { type: 'boom' } },
  actions: {
    explode: () => {
      throw new Error('boom');
    },
  },
}).createMachine({
  context: { count: 0 },
  on: { inc: { actions: assign({ count: ({ context }) => context.count + 1 }) }, boom: { actions: 'explode' } },
});

class CounterHost extends LitElement {
  persisted: unknown[] = [];
  errors: unknown[] = [];
  renders = 0;
  session = new ActorController(this, counter, {
    persist: (p) => this.persisted.push(p),
    onError: (e) => this.errors.push(e),
  });
  override render() {
    this.renders++;
    return html`<output>${this.session.snapshot.context.count}</output>`;
  }
}
customElements.define('counter-host', CounterHost);

afterEach(() => document.body.replaceChildren());

describe('ActorController', () => {
  it('has a snapshot before the element connects, and starts when it does', async () => {
    const el = document.createElement('counter-host') as CounterHost;
    expect(el.session.snapshot.context.count).toBe(0);
    expect(el.session.actor.getSnapshot().status).toBe('active');
    document.body.append(el);
    await el.updateComplete;
    el.session.send({ type: 'inc' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('output')!.textContent).toBe('1');
    expect(el.persisted.at(-1)).toMatchObject({ context: { count: 1 } });
  });

  it('keeps the state when the element is moved in the page (no fresh actor)', async () => {
    const el = document.createElement('counter-host') as CounterHost;
    const a = document.createElement('div');
    const b = document.createElement('div');
    document.body.append(a, b);
    a.append(el);
    el.session.send({ type: 'inc' });
    el.session.send({ type: 'inc' });
    b.append(el); // disconnect + connect
    await el.updateComplete;
    expect(el.session.snapshot.context.count).toBe(2);
    el.session.send({ type: 'inc' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('output')!.textContent).toBe('3');
  });

  it('re-renders only when the snapshot changes', async () => {
    const el = document.createElement('counter-host') as CounterHost;
    document.body.append(el);
    await el.updateComplete;
    const before = el.renders;
    el.session.send({ type: 'unknown' } as never);
    await el.updateComplete;
    expect(el.renders).toBe(before);
  });

  it('reports errors to the error handler instead of throwing later', async () => {
    const el = document.createElement('counter-host') as CounterHost;
    document.body.append(el);
    el.session.send({ type: 'boom' });
    await el.updateComplete;
    expect(el.errors).toHaveLength(1);
  });
});
