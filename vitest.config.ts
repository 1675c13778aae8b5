import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { flowsPlugin } from './flows/vite-plugin.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './test/support/chromium.js';

/**
 * Three projects:
 * - unit: Node, fast (flows, server, scripts);
 * - component: the widget's elements in real Chromium (Vitest browser mode);
 * - e2e: real Chromium driven by playwright-core against the real server and the built widget
 *   (the widget is built once, in globalSetup).
 */
export default defineConfig({
  plugins: [flowsPlugin()],
  // Pre-bundled up front, so the browser project does not reload mid-run when it first meets them.
  optimizeDeps: { include: ['lit', 'lit/decorators.js', 'lit/directives/repeat.js', 'xstate'] },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', environment: 'node', include: ['test/{flows,server,scripts,store,auth,relay,safety,report}/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'component',
          include: ['test/widget/**/*.test.ts'],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS } }),
            instances: [{ browser: 'chromium' }],
            screenshotFailures: false,
          },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/support/build-widget.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
