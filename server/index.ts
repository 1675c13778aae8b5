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
import { ConfigError, loadConfig, type LoadedConfig } from './config.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const widgetDir = path.join(repoRoot, 'dist', 'widget');

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

if (!existsSync(path.join(widgetDir, 'sst-chat.js'))) {
  // Still start: the demo pages and the API work, and a developer may be building in another terminal.
  process.stderr.write('The widget has not been built yet (no dist/widget/sst-chat.js); run `npm run build`, then reload the page.\n');
}

const server = createServer(createApp({ config: loaded.service, widgetDir }));

server.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EADDRINUSE') fail(`Port ${loaded.port} is already in use. Set PORT to a free port, or stop the other server.`);
  if (error.code === 'EACCES') fail(`Port ${loaded.port} needs extra permissions. Set PORT to a number above 1023.`);
  throw error;
});

server.listen(loaded.port, () => {
  // With PORT=0 the system picks the port, so print the one actually in use.
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`sst-chat is running at http://localhost:${port}/ (demo site), widget at /widget/sst-chat.js\n`);
});

let closing = false;
function shutdown(): void {
  if (closing) return;
  closing = true;
  server.close(() => process.exit(0));
  // Idle keep-alive connections would hold close() open; busy ones get a short grace period.
  server.closeIdleConnections();
  setTimeout(() => {
    server.closeAllConnections();
    process.exit(0);
  }, 5000).unref();
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
