/**
 * The flows the widget can run. Each is a separate chunk, so only the one in use is downloaded.
 * They arrive already validated: the build turns each `.flow.yaml` into data and fails on any error.
 */
import type { Flow } from '../../flows/schema.js';
import { KEYS, read, write } from './storage.js';

const FLOWS: Record<string, () => Promise<{ default: Flow }>> = {
  default: () => import('../../flows/default.flow.yaml'),
  youth: () => import('../../flows/youth.flow.yaml'),
};

export async function loadFlow(id: string): Promise<Flow> {
  const load = FLOWS[id] ?? FLOWS.default!;
  return (await load()).default;
}

/** What is kept in session storage between pages: which flow, its version, and the actor's snapshot. */
export interface StoredSession {
  v: 1;
  flow: string;
  version: number;
  snapshot: unknown;
}

export function readSession(): StoredSession | null {
  try {
    const data = JSON.parse(read(KEYS.session) ?? 'null') as Partial<StoredSession> | null;
    if (data?.v !== 1 || typeof data.flow !== 'string' || typeof data.version !== 'number' || !data.snapshot) return null;
    return data as StoredSession;
  } catch {
    return null; // unreadable: start a new session rather than fail
  }
}

export function writeSession(session: StoredSession): void {
  write(KEYS.session, JSON.stringify(session));
}

/**
 * Whether a stored snapshot fits this flow: storage is untrusted (an older build, a half-written
 * value, or someone editing it), and a snapshot that does not fit would stop the actor.
 */
export function usableSnapshot(snapshot: unknown, flow: Flow): boolean {
  const s = snapshot as { value?: unknown; status?: unknown; context?: Record<string, unknown> } | null;
  const c = s?.context;
  const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
  return (
    isObject(s) &&
    (s!.status === 'active' || s!.status === 'done') &&
    typeof s!.value === 'string' &&
    (s!.value === 'switching' ||
      flow.steps.some((step) => step.id === s!.value) ||
      // Paused on the safety screen or the check-in: where to go afterwards must be a step too.
      ((s!.value === 'safety' || s!.value === 'check_in') && flow.steps.some((step) => step.id === c?.resumeTo))) &&
    isObject(c) &&
    isObject(c!.answers) &&
    isObject(c!.visits) &&
    Array.isArray(c!.enabledFlows) &&
    Array.isArray(c!.transcript) &&
    (c!.transcript as unknown[]).every((e) => isObject(e) && typeof (e as { id?: unknown }).id === 'number' && typeof (e as { text?: unknown }).text === 'string')
  );
}
