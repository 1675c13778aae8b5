/**
 * Starts the real app on a free port, with a temporary built-widget folder shaped like Vite's output.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp, type AppDeps, type AppOptions } from '../../server/app.js';
import { parseServiceConfig, type ServiceConfig } from '../../server/config.js';

export const TEST_CONFIG: ServiceConfig = parseServiceConfig({
  serviceName: 'Test Wellbeing Service',
  country: 'AU',
  safeExitUrl: 'https://weather.example/',
  flows: ['default', 'youth'],
  links: [{ label: 'Our services', href: '/services.html' }],
  theme: { accent: '#0f5e6e' },
});

export const WIDGET_SOURCE = 'export const widget = "sst-chat";\n';
export const CHUNK_NAME = 'sst-panel-3f9a1c2b.js';

/** A folder like `dist/widget`: the entry, a hashed chunk, and Vite's manifest in `.vite/`. */
export function makeWidgetDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sst-widget-'));
  writeFileSync(path.join(dir, 'sst-chat.js'), WIDGET_SOURCE);
  mkdirSync(path.join(dir, 'chunks'));
  writeFileSync(path.join(dir, 'chunks', CHUNK_NAME), 'export const panel = 1;\n');
  mkdirSync(path.join(dir, '.vite'));
  writeFileSync(path.join(dir, '.vite', 'manifest.json'), '{"widget/index.ts":{"file":"sst-chat.js"}}\n');
  return dir;
}

export interface RunningApp {
  /** e.g. `http://127.0.0.1:41234` (no trailing slash). */
  url: string;
  close(): Promise<void>;
}

export async function startApp(deps: Partial<AppDeps> = {}, options: AppOptions = {}): Promise<RunningApp> {
  const ownWidgetDir = deps.widgetDir === undefined ? makeWidgetDir() : undefined;
  const app = createApp({ config: TEST_CONFIG, widgetDir: ownWidgetDir ?? '', ...deps }, options);
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
      if (ownWidgetDir) rmSync(ownWidgetDir, { recursive: true, force: true });
    },
  };
}
