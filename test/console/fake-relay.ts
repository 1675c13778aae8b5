/**
 * A stand-in server for the console's own tests: serves the built console at /console/, answers
 * /api/auth/* like the real auth routes, and runs a minimal `/therapist` namespace on the real
 * Socket.IO server. The test drives the "other side" (queue changes, the person's messages,
 * typing, presence) through it and reads what the console sent.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { Server } from 'socket.io';
import type {
  Ack,
  ChatMessage,
  ConversationView,
  ErrorCode,
  QueueEntry,
  ServerToTherapistEvents,
  TherapistToServerEvents,
} from '../../server/protocol.js';

export const THERAPIST = { username: 'sam', password: 'correct horse battery', displayName: 'Sam Rivera' };
const COOKIE = 'sst_test_session=ok';

interface Held {
  view: ConversationView;
}

export interface FakeRelay {
  url: string;
  io: Server<TherapistToServerEvents, ServerToTherapistEvents>;
  /** What the console sent, in order. */
  sent: Array<{ conversationId: string; id: string; text: string }>;
  typing: Array<{ conversationId: string; typing: boolean }>;
  ends: Array<{ conversationId: string; closingMessage?: string; handBack: boolean }>;
  mineCalls: Array<Record<string, number>>;
  /** Claims of these ids answer `already_claimed`. */
  takenByOthers: Set<string>;
  /** While true, `message:send` is stored but its acknowledgement waits for `releaseAcks()`. */
  holdAcks: boolean;
  /** While true, `conversation:mine` (the catch-up after connecting) waits for `releaseAcks()` too. */
  holdMine: boolean;
  /** While true, `message:send` is recorded but neither stored nor acknowledged (lost on the way). */
  dropSends: boolean;
  /** The next `message:send` is refused with this code (once). */
  refuseNext: ErrorCode | null;
  releaseAcks(): void;
  setQueue(queue: QueueEntry[]): void;
  /** A message from the person in a held chat, stored and (unless `live: false`) emitted live. */
  clientSays(conversationId: string, text: string, options?: { live?: boolean }): ChatMessage;
  emit<E extends keyof ServerToTherapistEvents>(event: E, ...args: Parameters<ServerToTherapistEvents[E]>): void;
  /** Drops every console's transport (like a network cut); the client reconnects by itself. */
  dropConnections(): void;
  reset(): void;
  close(): Promise<void>;
}

export async function startFakeRelay(distDir: string): Promise<FakeRelay> {
  const app = express();
  app.use(express.json());
  const signedIn = (cookie: string | undefined) => (cookie ?? '').split(/;\s*/).includes(COOKIE);

  app.post('/api/auth/login', (req, res) => {
    const { username, password } = (req.body ?? {}) as { username?: string; password?: string };
    if (username === 'flood') {
      res.setHeader('Retry-After', '300');
      res.status(429).json({ ok: false, code: 'rate_limited' });
    } else if (username === THERAPIST.username && password === THERAPIST.password) {
      res.setHeader('Set-Cookie', `${COOKIE}; HttpOnly; SameSite=Strict; Path=/`);
      res.json({ ok: true, therapist: { username: THERAPIST.username, displayName: THERAPIST.displayName, role: 'therapist' } });
    } else {
      res.status(401).json({ ok: false, code: 'unauthorised' });
    }
  });
  app.post('/api/auth/logout', (_req, res) => {
    res.setHeader('Set-Cookie', 'sst_test_session=; Max-Age=0; Path=/');
    res.json({ ok: true });
  });
  app.get('/api/auth/me', (req, res) => {
    if (signedIn(req.headers.cookie)) res.json({ ok: true, therapist: { username: THERAPIST.username, displayName: THERAPIST.displayName, role: 'therapist' } });
    else res.status(401).json({ ok: false, code: 'unauthorised' });
  });
  app.use('/console', express.static(distDir));

  const server = createServer(app);
  const io = new Server<TherapistToServerEvents, ServerToTherapistEvents>(server);
  const nsp = io.of('/therapist');
  let queue: QueueEntry[] = [];
  const held = new Map<string, Held>();
  const heldAcks: Array<() => void> = [];

  const fake: FakeRelay = {
    url: '',
    io,
    sent: [],
    typing: [],
    ends: [],
    mineCalls: [],
    takenByOthers: new Set(),
    holdAcks: false,
    holdMine: false,
    dropSends: false,
    refuseNext: null,
    releaseAcks() {
      for (const release of heldAcks.splice(0)) release();
    },
    setQueue(next) {
      queue = next;
      nsp.emit('queue:updated', { queue });
    },
    clientSays(conversationId, text, options = {}) {
      const message = append(conversationId, { id: `c-${Math.random().toString(36).slice(2, 12)}`, from: 'client', text });
      if (options.live !== false) nsp.emit('message:received', { conversationId, message });
      return message;
    },
    emit(event, ...args) {
      nsp.emit(event, ...args);
    },
    dropConnections() {
      for (const socket of nsp.sockets.values()) socket.conn.close();
    },
    reset() {
      queue = [];
      held.clear();
      fake.sent.length = 0;
      fake.typing.length = 0;
      fake.ends.length = 0;
      fake.mineCalls.length = 0;
      fake.takenByOthers.clear();
      fake.holdAcks = false;
      fake.holdMine = false;
      fake.dropSends = false;
      fake.refuseNext = null;
      heldAcks.length = 0;
    },
    close: async () => {
      io.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  function append(conversationId: string, m: { id: string; from: 'client' | 'therapist'; text: string }): ChatMessage {
    const view = held.get(conversationId)!.view;
    const existing = view.messages.find((x) => x.id === m.id && x.from === m.from);
    if (existing) return existing;
    const message: ChatMessage = { ...m, seq: view.messages.length + 1, at: new Date().toISOString() };
    view.messages.push(message);
    return message;
  }

  nsp.use((socket, next) => {
    if (signedIn(socket.handshake.headers.cookie)) next();
    else next(Object.assign(new Error('unauthorised'), { data: { code: 'unauthorised' } }));
  });

  nsp.on('connection', (socket) => {
    socket.on('queue:list', (_payload, ack) => ack({ ok: true, queue }));
    socket.on('conversation:claim', ({ conversationId }, ack) => {
      if (fake.takenByOthers.has(conversationId)) {
        queue = queue.filter((e) => e.conversationId !== conversationId);
        return ack({ ok: false, code: 'already_claimed' });
      }
      const entry = queue.find((e) => e.conversationId === conversationId);
      if (!entry) return ack({ ok: false, code: 'not_found' });
      queue = queue.filter((e) => e !== entry);
      const view: ConversationView = { conversationId, status: 'active', risk: entry.risk, queuedAt: entry.queuedAt, shared: entry.shared, messages: [], clientOnline: true };
      held.set(conversationId, { view });
      ack({ ok: true, conversation: structuredClone(view) });
      nsp.emit('queue:updated', { queue });
    });
    socket.on('conversation:mine', ({ lastSeq }, ack) => {
      fake.mineCalls.push(lastSeq);
      const conversations = [...held.values()]
        .filter((h) => h.view.status === 'active')
        .map((h) => ({ ...structuredClone(h.view), messages: h.view.messages.filter((m) => m.seq > (lastSeq[h.view.conversationId] ?? 0)) }));
      if (fake.holdMine) heldAcks.push(() => ack({ ok: true, conversations }));
      else ack({ ok: true, conversations });
    });
    socket.on('message:send', (payload, ack: (a: Ack<{ seq: number }>) => void) => {
      fake.sent.push(payload);
      if (fake.dropSends) return;
      if (fake.refuseNext) {
        const code = fake.refuseNext;
        fake.refuseNext = null;
        return ack({ ok: false, code });
      }
      const h = held.get(payload.conversationId);
      if (!h || h.view.status !== 'active') return ack({ ok: false, code: 'not_active' });
      const message = append(payload.conversationId, { id: payload.id, from: 'therapist', text: payload.text });
      if (fake.holdAcks) heldAcks.push(() => ack({ ok: true, seq: message.seq }));
      else ack({ ok: true, seq: message.seq });
    });
    socket.on('typing:set', (payload) => fake.typing.push(payload));
    socket.on('conversation:end', (payload, ack) => {
      fake.ends.push(payload);
      const h = held.get(payload.conversationId);
      if (!h) return ack({ ok: false, code: 'not_found' });
      h.view.status = 'ended';
      ack({ ok: true });
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}

/** A queue entry as the relay would send it; `minutesAgo` sets the waiting time. */
export function entry(conversationId: string, options: Partial<QueueEntry> & { minutesAgo?: number } = {}): QueueEntry {
  const { minutesAgo = 0, ...rest } = options;
  return {
    conversationId,
    risk: 'none',
    queuedAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
    shared: { flow: 'default' },
    returned: false,
    ...rest,
  };
}
