import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CRISIS_RESOURCES } from '../../flows/crisis-resources.js';
import { CHUNK_NAME, TEST_CONFIG, WIDGET_SOURCE, makeWidgetDir, startApp, type RunningApp } from '../support/server.js';

describe('the app', () => {
  let app: RunningApp;
  const logged: string[] = [];
  const widgetDir = makeWidgetDir();

  beforeAll(async () => {
    app = await startApp(
      { widgetDir },
      {
        logError: (line) => logged.push(line),
        routes: (express) => {
          express.get('/api/test/throws', () => {
            throw new Error('secret detail: I typed something private');
          });
          express.get('/api/test/rejects', async () => {
            await Promise.resolve();
            throw new TypeError('async secret detail');
          });
        },
      },
    );
  });
  afterAll(async () => {
    await app.close();
    rmSync(widgetDir, { recursive: true, force: true });
  });

  const get = (path: string, init?: RequestInit) => fetch(`${app.url}${path}`, init);

  it('answers the health check', async () => {
    const res = await get('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('does not announce the framework', async () => {
    const res = await get('/healthz');
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves the public configuration to any embedding site, revalidated on each load', async () => {
    const res = await get('/api/config', { headers: { Origin: 'https://host.example' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(await res.json()).toEqual({
      serviceName: 'Test Wellbeing Service',
      country: 'AU',
      locale: 'en',
      safeExitUrl: 'https://weather.example/',
      flows: ['default', 'youth'],
      crisisResources: CRISIS_RESOURCES.AU,
      links: [{ label: 'Our services', href: '/services.html' }],
      theme: { accent: '#0f5e6e' },
      liveChat: { timezone: 'UTC', hours: 'always', alternatives: [] },
      outcomes: false,
    });
    expect(TEST_CONFIG.crisisResources[0]?.emergency).toBe(true);
  });

  it('serves the demo pages, which embed the widget and link to each other', async () => {
    const home = await get('/');
    const services = await get('/services.html');
    for (const res of [home, services]) {
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    }
    const homeHtml = await home.text();
    const servicesHtml = await services.text();
    for (const html of [homeHtml, servicesHtml]) {
      expect(html).toContain('<script type="module" src="/widget/sst-chat.js"></script>');
      expect(html).toMatch(/<sst-chat server="\/"\s*><\/sst-chat>/);
      expect(html).toContain('<html lang="en">');
    }
    expect(homeHtml).toContain('href="/services.html"');
    expect(servicesHtml).toContain('href="/"');
    expect((await get('/demo.css')).status).toBe(200);
  });

  it('serves the widget entry to any site, revalidated so a new deploy is seen', async () => {
    const res = await get('/widget/sst-chat.js', { headers: { Origin: 'https://host.example' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^(text|application)\/javascript/);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('etag')).toBeTruthy();
    expect(await res.text()).toBe(WIDGET_SOURCE);
  });

  it('caches content-hashed chunks for a year', async () => {
    const res = await get(`/widget/chunks/${CHUNK_NAME}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('does not serve the build manifest or list folders', async () => {
    expect((await get('/widget/.vite/manifest.json')).status).toBe(404);
    expect((await get('/widget/%2evite/manifest.json')).status).toBe(404);
    expect((await get('/widget/')).status).toBe(404);
    expect((await get('/widget/chunks/')).status).toBe(404);
    expect((await get('/widget/../package.json')).status).toBe(404);
  });

  it('answers unknown API routes with a JSON not_found', async () => {
    const res = await get('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ ok: false, code: 'not_found' });
    expect((await get('/no-such-page')).status).toBe(404);
  });

  it('turns a thrown error into code internal, with no detail or stack in the body', async () => {
    for (const path of ['/api/test/throws', '/api/test/rejects']) {
      const res = await get(path);
      expect(res.status).toBe(500);
      const body = await res.text();
      expect(JSON.parse(body)).toEqual({ ok: false, code: 'internal' });
      expect(body).not.toMatch(/secret|at |\.ts/);
    }
    // The log names the route and the error type, never the error's message.
    expect(logged.join('\n')).toContain('GET /api/test/throws');
    expect(logged.join('\n')).not.toContain('secret');
  });
});

describe('embedding origins (SST_ALLOWED_ORIGINS)', () => {
  it('lets only listed sites read the configuration and the widget', async () => {
    const app = await startApp({ allowedOrigins: ['https://clinic.example'] });
    try {
      const allowed = await fetch(`${app.url}/api/config`, { headers: { origin: 'https://clinic.example' } });
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://clinic.example');
      expect(allowed.headers.get('vary')).toContain('Origin');
      const other = await fetch(`${app.url}/widget/sst-chat.js`, { headers: { origin: 'https://elsewhere.example' } });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await app.close();
    }
  });
});
