/** Vitest global setup for end-to-end tests: build the widget once, as `npm run build` does. */
import { build } from 'vite';

export default async function setup(): Promise<void> {
  await build({ configFile: 'vite.config.ts', logLevel: 'error' });
}
