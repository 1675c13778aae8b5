/**
 * Starts the server: reads the configuration, builds the app, listens on PORT.
 * Configuration problems stop it here with one sentence on stderr (no stack), so the person running
 * it knows what to set.
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.js';
import { firstRunHint } from './auth/first-run.js';
import { ConfigError, loadConfig, type LoadedConfig } from './config.js';
import { isOpenAt } from './hours.js';
import { attachRelay } from './relay/index.js';
import { startRetention } from './retention.js';
import { openSqliteStore, type SqliteStore } from './store/sqlite.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const widgetDir = path.join(repoRoot, 'dist', 'widget');
const consoleDir = path.join(repoRoot, 'dist', 'console');

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

let loaded: LoadedConfig;
try {
  loaded = loadConfig(process.env);
} catch (error) {
  if (error instanceof ConfigError) fail(error.message);
  throw error;
}

/** SST_ALLOWED_ORIGINS: comma-separated origins allowed to embed the widget; unset means any. */
function allowedOrigins(value: string | undefined): string[] | '*' {
  if (!value?.trim() || value.trim() === '*') return '*';
  const list = value.split(',').map((v) => v.trim()).filter(Boolean);
  for (const origin of list) {
    let ok = false;
    try {
      ok = new URL(origin).origin === origin;
    } catch {
      ok = false;
    }
    if (!ok) fail(`SST_ALLOWED_ORIGINS: "${origin}" is not an origin. Set it to a comma-separated list such as https://clinic.example,https://www.clinic.example (scheme and host, no path).`);
  }
  return list;
}

/** SST_GRACE_SECONDS: how long a dropped therapist or client has to come back (default 60). */
function graceMs(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 60_000;
  const seconds = Number(value);
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 3600) fail('SST_GRACE_SECONDS must be a whole number of seconds between 1 and 3600.');
  return seconds * 1000;
}

const origins = allowedOrigins(process.env.SST_ALLOWED_ORIGINS);
const grace = graceMs(process.env.SST_GRACE_SECONDS);
const dbFile = process.env.SST_DB?.trim() || path.join(repoRoot, 'data', 'sst.db');
let store: SqliteStore;
try {
  store = openSqliteStore(dbFile);
} catch (error) {
  fail(`The database at ${dbFile} could not be opened (${error instanceof Error ? error.message : 'unknown error'}). Set SST_DB to a writable file path.`);
}

if (!existsSync(path.join(widgetDir, 'sst-chat.js'))) {
  // Still start: the demo pages and the API work, and a developer may be building in another terminal.
  process.stderr.write('The widget has not been built yet (no dist/widget/sst-chat.js); run `npm run build`, then reload the page.\n');
}

const server = createServer(createApp({ config: loaded.service, widgetDir, store, consoleDir, allowedOrigins: origins }));
const relay = attachRelay(server, {
  store,
  graceMs: grace,
  allowedOrigins: origins,
  isOpen: (now) => isOpenAt(loaded.service.liveChat, now),
});
// Expired sign-in sessions are also removed when looked up; this clears the ones nobody asks for.
const purge = setInterval(() => void store.purgeExpiredSessions(new Date().toISOString()), 60 * 60_000);
purge.unref();
// Transcripts of ended chats go once older than the service allows: at start, then every 10 minutes.
const retention = startRetention({ store, transcriptHours: loaded.service.retention.transcriptHours });

server.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EADDRINUSE') fail(`Port ${loaded.port} is already in use. Set PORT to a free port, or stop the other server.`);
  if (error.code === 'EACCES') fail(`Port ${loaded.port} needs extra permissions. Set PORT to a number above 1023.`);
  throw error;
});

server.listen(loaded.port, () => {
  // With PORT=0 the system picks the port, so print the one actually in use.
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`sst-chat is running at http://localhost:${port}/ (demo site), widget at /widget/sst-chat.js, therapist console at /console/\n`);
  void firstRunHint(store).then((hint) => hint && process.stdout.write(`${hint}\n`));
});

let closing = false;
function shutdown(): void {
  if (closing) return;
  closing = true;
  clearInterval(purge);
  retention.stop();
  // The relay first (it finishes writes in flight), then the store, then the process.
  void relay
    .close()
    .then(() => store.close())
    .finally(() => server.close(() => process.exit(0)));
  // Idle keep-alive connections would hold close() open; busy ones get a short grace period.
  server.closeIdleConnections();
  setTimeout(() => {
    server.closeAllConnections();
    process.exit(0);
  }, 5000).unref();
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
