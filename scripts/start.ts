/**
 * `npm start`: builds the widget when the build is missing or older than its sources, then starts
 * the server. One command, so `npm ci && npm start` is all a newcomer needs.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const BUILT = 'dist/widget/sst-chat.js';

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const stale =
  !existsSync(BUILT) ||
  Math.max(newestSource('widget'), newestSource('flows'), statSync('vite.config.ts').mtimeMs) > statSync(BUILT).mtimeMs;

if (stale) {
  console.log('Building the widget…');
  await import('./build.js');
}
await import('../server/index.js');
