/**
 * The whole server as a person and a therapist meet it in the end-to-end tests: the built widget
 * and console (`dist/`, made in globalSetup), the relay, and a real SQLite file in a temporary
 * folder, on a free port. The address is "localhost", so the console's session cookie may travel
 * over plain http.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp } from '../../server/app.js';
import { attachRelay } from '../../server/relay/index.js';
import { openSqliteStore, type SqliteStore } from '../../server/store/sqlite.js';
import { TEST_CONFIG } from './server.js';

export interface RunningStack {
  store: SqliteStore;
  /** e.g. `http://localhost:41234` (no trailing slash). */
  base: string;
  close(): Promise<void>;
}

export async function startStack(name: string): Promise<RunningStack> {
  const dir = mkdtempSync(path.join(tmpdir(), `sst-${name}-`));
  const store = openSqliteStore(path.join(dir, 'sst.db'));
  const server = createServer(createApp({ config: TEST_CONFIG, widgetDir: 'dist/widget', consoleDir: 'dist/console', store }));
  const relay = attachRelay(server, { store });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    store,
    base: `http://localhost:${(server.address() as AddressInfo).port}`,
    close: async () => {
      await relay.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
