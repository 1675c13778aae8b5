/** Vitest global setup for end-to-end tests: build the widget and the console once, as `npm run build` does. */
import { build } from 'vite';

export default async function setup(): Promise<void> {
  // Vitest sets NODE_ENV=test, which would make Vite pick Lit's and XState's development builds.
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: 'vite.config.ts', logLevel: 'error', mode: 'production' });
    await build({ configFile: 'vite.console.config.ts', logLevel: 'error', mode: 'production' });
  } finally {
    process.env.NODE_ENV = previous;
  }
}
