/**
 * The console's alerts, with the browser's Web Audio and Notification replaced by recorders (this
 * is the one place a fake is right: what is tested is which notes and words the console asks for).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const started: number[] = [];
const shown: Array<{ title: string; body: string }> = [];

class FakeAudioContext {
  currentTime = 0;
  state = 'running';
  destination = {};
  createOscillator() {
    const osc = { type: '', frequency: { value: 0 }, connect: () => ({ connect: () => undefined }), start: () => started.push(osc.frequency.value), stop: () => undefined };
    return osc;
  }
  createGain() {
    return { gain: { setValueAtTime: () => undefined, exponentialRampToValueAtTime: () => undefined }, connect: () => ({ connect: () => undefined }) };
  }
}
class FakeNotification {
  static permission = 'granted';
  onclick: (() => void) | null = null;
  constructor(title: string, options: { body: string }) {
    shown.push({ title, body: options.body });
  }
  close() {}
}

beforeEach(() => {
  started.length = 0;
  shown.length = 0;
  vi.stubGlobal('AudioContext', FakeAudioContext);
  vi.stubGlobal('Notification', FakeNotification);
  // The console is in the background: that is when a notification is shown.
  vi.stubGlobal('document', { visibilityState: 'hidden', hasFocus: () => false });
  vi.stubGlobal('window', { focus: () => undefined });
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('console alerts', () => {
  it('sounds different for urgent: more notes than for someone waiting', async () => {
    const { chime } = await import('../../server/console/alerts.js');
    chime();
    const waiting = [...started];
    started.length = 0;
    chime(true);
    expect(waiting).toEqual([660, 880]);
    expect(started).toEqual([880, 660, 880, 880, 660, 880]);
  });

  it('notifies an urgent message by chat number, never with its words', async () => {
    const { notifyUrgentMessage, notifyNewChat } = await import('../../server/console/alerts.js');
    notifyUrgentMessage(3);
    notifyNewChat(true);
    expect(shown).toEqual([
      { title: 'Urgent: chat 3', body: 'The person may be at risk now. Open the console to read their latest message.' },
      { title: 'Urgent: a person is waiting', body: 'Open the console to see the queue.' },
    ]);
  });

  it('shows no notification while the console is in front', async () => {
    vi.stubGlobal('document', { visibilityState: 'visible', hasFocus: () => true });
    const { notifyUrgentMessage } = await import('../../server/console/alerts.js');
    notifyUrgentMessage(1);
    expect(shown).toEqual([]);
  });
});
