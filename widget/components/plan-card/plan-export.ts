/**
 * Getting the plan out of the chat, entirely in the browser: nothing is sent anywhere.
 * Copy, print, a .txt download, and an .ics calendar event (RFC 5545) for the planned step.
 */
import type { PlanAnswer } from '../../../flows/schema.js';

export interface CardLine {
  label: string;
  value: string;
}

export function planText(title: string, lines: CardLine[]): string {
  return [title, '', ...lines.map((l) => `${l.label}: ${l.value}`), ''].join('\n');
}

/** Escapes TEXT values (RFC 5545 3.3.11). */
function icsText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Folds lines longer than 75 octets (RFC 5545 3.1), without splitting a UTF-8 character. */
function fold(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  for (const char of line) {
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space
    if (encoder.encode(current + char).length > limit) {
      parts.push(current);
      current = char;
    } else current += char;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const pad = (n: number) => String(n).padStart(2, '0');
const stamp = (d: Date) =>
  `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;

/** The local start time of the plan: its fixed date (or today + day) at its time. */
export function planStart(plan: PlanAnswer, now: Date): Date {
  const [h = 9, m = 0] = plan.time.split(':').map(Number);
  const start = plan.date ? new Date(`${plan.date}T00:00:00`) : new Date(now.getFullYear(), now.getMonth(), now.getDate() + plan.day);
  start.setHours(h, m, 0, 0);
  return start;
}

export function planIcs(plan: PlanAnswer, summary: string, description: string, now = new Date()): string {
  const start = planStart(plan, now);
  const end = new Date(start.getTime() + 30 * 60_000);
  // Floating local time (no Z, no TZID): the step happens at that clock time wherever the person is.
  const local = (d: Date) => `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}T${pad(d.getHours())}${pad(d.getMinutes())}00`;
  const uid = `${crypto.randomUUID()}@sst-chat`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//sst-chat//plan//EN',
    'CALSCALE:GREGORIAN',
    'BEGIN:VEVENT',
    `UID:${uid}`,
    `DTSTAMP:${stamp(now)}`,
    `DTSTART:${local(start)}`,
    `DTEND:${local(end)}`,
    `SUMMARY:${icsText(summary)}`,
    ...(plan.where ? [`LOCATION:${icsText(plan.where)}`] : []),
    `DESCRIPTION:${icsText(description)}`,
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    'TRIGGER:-PT15M',
    `DESCRIPTION:${icsText(summary)}`,
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(fold).join('\r\n') + '\r\n';
}

export function download(fileName: string, type: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Prints only the plan, from a hidden frame inside the widget's shadow root (`container`): the host
 * page's layout is not printed, and the plan never enters the host page's own DOM, where its
 * scripts (analytics, session replay) could read it.
 */
export function printPlan(title: string, lines: CardLine[], container: Node & ParentNode): void {
  const frame = document.createElement('iframe');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.style.cssText = 'position:fixed;inline-size:0;block-size:0;border:0;opacity:0';
  const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  frame.srcdoc = `<!doctype html><meta charset="utf-8"><title>${esc(title)}</title><style>body{font:14pt/1.5 system-ui,sans-serif;margin:2cm}dt{font-weight:700;margin-top:1em}dd{margin:0}</style><h1>${esc(title)}</h1><dl>${lines.map((l) => `<dt>${esc(l.label)}</dt><dd>${esc(l.value)}</dd>`).join('')}</dl>`;
  frame.addEventListener('load', () => {
    const view = frame.contentWindow;
    view?.addEventListener('afterprint', () => frame.remove());
    view?.print();
    setTimeout(() => frame.remove(), 60_000); // in case afterprint never comes
  });
  container.append(frame);
}
