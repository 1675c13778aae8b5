/**
 * `npm start`: builds the widget when the build is missing or older than its sources, then starts
 * the server. One command, so `npm ci && npm start` is all a newcomer needs.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const BUILT = ['dist/widget/sst-chat.js', 'dist/console/index.html'];

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const sources = Math.max(
  newestSource('widget'),
  newestSource('flows'),
  newestSource('server/console'),
  statSync('vite.config.ts').mtimeMs,
  statSync('vite.console.config.ts').mtimeMs,
);
const stale = BUILT.some((file) => !existsSync(file) || sources > statSync(file).mtimeMs);

if (stale) {
  console.log('Building the widget and the console…');
  await import('./build.js');
}
await import('../server/index.js');
