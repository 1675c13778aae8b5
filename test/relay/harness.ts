import { afterAll, afterEach } from 'vitest';
/**
 * The relay for tests: a real HTTP server on port 0, the real SQLite store on a temporary file, and
 * real socket.io-client sockets. Reconnection delays are short so fault tests stay quick.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { startSession } from '../../server/auth/sessions.js';
import type {
  ClientToServerEvents,
  ServerToClientEvents,
  ServerToTherapistEvents,
  SharedSummary,
  TherapistToServerEvents,
} from '../../server/protocol.js';
import { attachRelay, type Relay, type RelayDeps } from '../../server/relay/index.js';
import { openSqliteStore, type SqliteStore } from '../../server/store/sqlite.js';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type TherapistSocket = Socket<ServerToTherapistEvents, TherapistToServerEvents>;

export const SHARED: SharedSummary = { flow: 'default', goal: 'Sleep better before exams' };

/** A folder for database files, removed with everything in it by `cleanup()`. */
export function tempDir(): { dir: string; file: (name?: string) => string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'sst-relay-'));
  return { dir, file: (name = 'relay.db') => path.join(dir, name), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface RunningRelay {
  url: string;
  store: SqliteStore;
  relay: Relay;
  errors: string[];
  /** Closes the relay, the HTTP server and the store (in that order). */
  stop(): Promise<void>;
}

export async function startRelay(file: string, deps: Partial<Omit<RelayDeps, 'store'>> = {}): Promise<RunningRelay> {
  const store = openSqliteStore(file);
  const server = createServer();
  const errors: string[] = [];
  const relay = attachRelay(server, { logError: (line) => errors.push(line), ...deps, store });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  await relay.ready;
  const { port } = server.address() as AddressInfo;
  let stopped = false;
  return {
    url: `http://127.0.0.1:${port}`,
    store,
    relay,
    errors,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await relay.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
}

const FAST = { transports: ['websocket'], forceNew: true, reconnectionDelay: 20, reconnectionDelayMax: 100 };

export function clientSocket(url: string, options: { origin?: string; autoConnect?: boolean } = {}): ClientSocket {
  return io(`${url}/client`, {
    ...FAST,
    autoConnect: options.autoConnect ?? true,
    ...(options.origin ? { extraHeaders: { origin: options.origin } } : {}),
  });
}

export function therapistSocket(url: string, cookie: string | undefined, options: { autoConnect?: boolean } = {}): TherapistSocket {
  return io(`${url}/therapist`, {
    ...FAST,
    autoConnect: options.autoConnect ?? true,
    ...(cookie ? { extraHeaders: { cookie } } : {}),
  });
}

/** A therapist account with a signed-in session; returns the Cookie header the console would send. */
export async function addTherapist(store: SqliteStore, username: string, displayName: string): Promise<{ id: string; cookie: string }> {
  const id = randomUUID();
  await store.createTherapist({ id, username, displayName, passwordHash: 'not-used-in-relay-tests', now: new Date().toISOString() });
  const { token } = await startSession(store, id);
  return { id, cookie: `sst_session=${token}` };
}

/** Resolves on `connect`; rejects with the server's refusal (`err.data.code`) on `connect_error`. */
export function connected(socket: Socket): Promise<void> {
  if (socket.connected) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const ok = () => {
      socket.off('connect_error', bad);
      resolve();
    };
    const bad = (error: Error) => {
      socket.off('connect', ok);
      reject(error);
    };
    socket.once('connect', ok);
    socket.once('connect_error', bad);
  });
}

/** The refusal code a server sent with `connect_error`. */
export function refusalCode(error: unknown): unknown {
  return (error as { data?: { code?: unknown } }).data?.code;
}

/** The next `event` (matching `accept`) on a socket; rejects after `ms`. */
export function nextEvent<T>(socket: Socket, event: string, accept: (payload: T) => boolean = () => true, ms = 3000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`no ${event} within ${ms} ms`));
    }, ms);
    const listener = (payload: T) => {
      if (!accept(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener);
      resolve(payload);
    };
    socket.on(event, listener);
  });
}

/** Collects every `event` payload a socket receives, from now on. */
export function collect<T>(socket: Socket, event: string): T[] {
  const seen: T[] = [];
  socket.on(event, (payload: T) => seen.push(payload));
  return seen;
}

export async function until(check: () => boolean | Promise<boolean>, ms = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A person in the queue: a connected client socket that started a conversation. */
export async function startConversation(url: string, risk: 'none' | 'concern' | 'urgent' = 'none', shared: SharedSummary = SHARED) {
  const socket = clientSocket(url);
  await connected(socket);
  const ack = await socket.emitWithAck('conversation:start', { shared, risk });
  if (!ack.ok) throw new Error(`start refused: ${ack.code}`);
  return { socket, token: ack.token, conversationId: ack.conversationId, position: ack.position };
}

/** A therapist console connection, signed in. */
export async function connectTherapist(url: string, cookie: string): Promise<TherapistSocket> {
  const socket = therapistSocket(url, cookie);
  await connected(socket);
  return socket;
}

let counter = 0;
/** A message id of the allowed shape, unique within a test run. */
export const newId = (prefix = 'm'): string => `${prefix}${Date.now().toString(36)}${(counter++).toString(36).padStart(6, '0')}`;

/**
 * The per-file lifecycle every relay test shares: a temp folder for database files, sockets to close
 * and relays to stop after each test. Call once at the top of a test file.
 */
export function relayRig() {
  const rig = {
    tmp: tempDir(),
    /** The relay of the current test, if it started one. */
    running: undefined as RunningRelay | undefined,
    /** More relays (restart tests run one after another on the same file). */
    servers: [] as RunningRelay[],
    cleanups: [] as Array<() => void>,
    /** Starts this test's relay on a fresh database file; it is stopped after the test. */
    start: async (deps: Parameters<typeof startRelay>[1] = {}): Promise<RunningRelay> => {
      rig.running = await startRelay(rig.tmp.file(`${newId('db')}.db`), deps);
      return rig.running;
    },
  };
  afterAll(() => rig.tmp.cleanup());
  afterEach(async () => {
    for (const c of rig.cleanups.splice(0)) c();
    await rig.running?.stop();
    rig.running = undefined;
    for (const s of rig.servers.splice(0)) await s.stop();
  });
  return rig;
}

