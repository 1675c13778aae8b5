/**
 * Telling the therapist that someone new is waiting: a short chime made with the Web Audio API
 * (no audio file to fetch or cache) and, only once they have said yes, a system notification.
 *
 * Browsers let audio start only after the person has interacted with the page, so `unlockSound`
 * is called from clicks (signing in, claiming, the sound toggle).
 */

let context: AudioContext | null = null;

export function unlockSound(): void {
  try {
    context ??= new AudioContext();
    if (context.state === 'suspended') void context.resume().catch(() => {});
  } catch {
    // No Web Audio (or blocked): the visual cues and the notification remain.
  }
}

/** Two soft rising notes for someone new waiting; three, twice, for urgent: heard as different. */
export const CHIME_NOTES = { waiting: [660, 880], urgent: [880, 660, 880, 0, 880, 660, 880] } as const;

/** Two soft rising notes, a third of a second in all: noticeable without being alarming. Urgent is longer. */
export function chime(urgent = false): void {
  try {
    context ??= new AudioContext();
    const start = context.currentTime + 0.02;
    for (const [i, frequency] of (urgent ? CHIME_NOTES.urgent : CHIME_NOTES.waiting).entries()) {
      if (frequency === 0) continue; // a rest between the two urgent phrases
      const osc = context.createOscillator();
      const gain = context.createGain();
      const at = start + i * 0.16;
      osc.type = 'sine';
      osc.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.12, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.15);
      osc.connect(gain).connect(context.destination);
      osc.start(at);
      osc.stop(at + 0.16);
    }
  } catch {
    // As above: sound is a nicety, never a reason to fail.
  }
}

export type NotificationState = 'unsupported' | NotificationPermission;

export function notificationState(): NotificationState {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

/** Only ever called from the "Turn on notifications" button, never on page load. */
export async function askForNotifications(): Promise<NotificationState> {
  if (typeof Notification === 'undefined') return 'unsupported';
  try {
    return await Notification.requestPermission();
  } catch {
    return Notification.permission;
  }
}

/**
 * A notification when the console is not in front. The text never includes what the person shared:
 * notifications show on lock screens and shared monitors.
 */
export function notifyNewChat(urgent: boolean): void {
  notify(urgent ? 'Urgent: a person is waiting' : 'A person is waiting', 'Open the console to see the queue.', 'sst-queue');
}

/** An urgent message in a chat this therapist holds, said without its words. */
export function notifyUrgentMessage(chatNumber: number): void {
  notify(`Urgent: chat ${chatNumber}`, 'The person may be at risk now. Open the console to read their latest message.', `sst-urgent-${chatNumber}`);
}

function notify(title: string, body: string, tag: string): void {
  if (notificationState() !== 'granted' || (document.visibilityState === 'visible' && document.hasFocus())) return;
  try {
    const n = new Notification(title, { body, tag });
    n.onclick = () => {
      window.focus();
      n.close();
    };
  } catch {
    // Some platforms only allow notifications from a service worker; the chime still plays.
  }
}
