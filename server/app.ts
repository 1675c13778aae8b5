/**
 * The HTTP app: health check, the public service configuration, the built widget, and the demo host
 * site. `createApp` builds it and does not listen (index.ts does), so tests start it on port 0.
 *
 * Privacy: nothing is logged per request, and no IP address or user agent is read or stored; the
 * people using this are anonymous visitors of a mental-health service.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import helmet from 'helmet';
import { createAccountsRouter } from './admin/accounts-routes.js';
import { createAuthRouter } from './auth/routes.js';
import { toPublicConfig, type ServiceConfig } from './config.js';
import { createOutcomesRouter } from './outcomes/routes.js';
import { createReportRouter } from './report/routes.js';
import type { Store } from './store/store.js';

export interface AppDeps {
  config: ServiceConfig;
  /** The built widget (`dist/widget`): `sst-chat.js`, plus content-hashed files under `chunks/`. */
  widgetDir: string;
  /** The demo host site; defaults to `server/demo`. */
  demoDir?: string;
  /** Accounts, sessions and conversations. Without it, the sign-in API and the console are off. */
  store?: Store;
  /** The built therapist console (`dist/console`), served at /console/. */
  consoleDir?: string;
  /**
   * Sites allowed to embed the widget and call its HTTP API (`SST_ALLOWED_ORIGINS`); `'*'` for any.
   * The relay's client namespace checks the same list.
   */
  allowedOrigins?: string[] | '*';
}

export interface AppOptions {
  /**
   * Registers more routes after the built-in ones and before the not-found and error handlers,
   * so they get the same JSON errors. Later areas (console, auth) and tests use it.
   */
  routes?: (app: Express) => void;
  /** Where unexpected errors are reported; defaults to stderr. */
  logError?: (line: string) => void;
}

/** The closed list of `code`s an HTTP error response can carry. */
export type HttpErrorCode = 'not_found' | 'bad_request' | 'internal';

const DEFAULT_DEMO_DIR = fileURLToPath(new URL('./demo/', import.meta.url));

/** Chunk file names carry a content hash, so a given URL never changes and may be cached for a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * CORS for what an embedding page loads (/widget and /api/config): any origin, or only the listed
 * ones (the header then names the caller's origin, and `Vary: Origin` keeps caches honest).
 */
function embeddingOrigins(allowed: string[] | '*'): RequestHandler {
  return (req, res, next) => {
    if (allowed === '*') res.setHeader('Access-Control-Allow-Origin', '*');
    else {
      res.setHeader('Vary', 'Origin');
      const origin = req.headers.origin;
      if (origin && allowed.includes(origin)) res.setHeader('Access-Control-Allow-Origin', origin);
    }
    next();
  };
}

/** The console is ours alone: strict CSP, no framing, no referrer. Its scripts are same-origin files. */
const consoleSecurity = helmet({
  contentSecurityPolicy: {
    useDefaults: true,
    directives: {
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'", "'unsafe-inline'"], // Lit applies component styles at run time
      'connect-src': ["'self'"],
      'img-src': ["'self'", 'data:'],
      'frame-ancestors': ["'none'"],
      'form-action': ["'self'"],
    },
  },
  referrerPolicy: { policy: 'no-referrer' },
  crossOriginEmbedderPolicy: false,
});

function sendError(res: express.Response, status: number, code: HttpErrorCode): void {
  res.status(status).json({ ok: false, code });
}

export function createApp(deps: AppDeps, options: AppOptions = {}): Express {
  const app = express();
  app.disable('x-powered-by');
  const logError = options.logError ?? ((line: string) => process.stderr.write(`${line}\n`));
  // Computed once: the configuration is read at start and does not change while running.
  const publicConfig = toPublicConfig(deps.config);
  const allowEmbedding = embeddingOrigins(deps.allowedOrigins ?? '*');

  app.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    next();
  });

  app.get('/healthz', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ ok: true });
  });

  // no-cache (not no-store): the browser revalidates with the ETag, so a changed config is seen at once.
  app.get('/api/config', allowEmbedding, (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.json(publicConfig);
  });

  app.use('/widget', allowEmbedding, widgetStatic(deps.widgetDir));

  if (deps.store) {
    const { store } = deps;
    app.use(['/api/auth', '/api/report', '/api/report.csv', '/api/accounts'], consoleSecurity);
    app.use(createAuthRouter({ store }));
    app.use(createReportRouter({ store, flows: publicConfig.flows }));
    app.use(createAccountsRouter({ store }));
    // Posted by the widget from the embedding page: CORS like /api/config, not the console's policy.
    app.use(createOutcomesRouter({ store, enabled: publicConfig.outcomes, flows: publicConfig.flows, allowedOrigins: deps.allowedOrigins ?? '*' }));
    if (deps.consoleDir) {
      // express.static redirects /console to /console/ by itself.
      app.use('/console', consoleSecurity, express.static(deps.consoleDir, { dotfiles: 'ignore', setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache') }));
    }
  }

  app.use(
    express.static(deps.demoDir ?? DEFAULT_DEMO_DIR, {
      dotfiles: 'ignore',
      setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache'),
    }),
  );

  options.routes?.(app);

  app.use('/api', (_req, res) => sendError(res, 404, 'not_found'));
  app.use((_req, res) => {
    res.status(404).type('text/plain').send('Not found');
  });
  app.use(errorHandler(logError));
  return app;
}

/** Serves the built widget with caching that lets a new deploy be seen at once. */
function widgetStatic(widgetDir: string): RequestHandler {
  const chunksDir = path.join(path.resolve(widgetDir), 'chunks') + path.sep;
  return express.static(widgetDir, {
    // Dot-folders stay private: `.vite/manifest.json` is a build artefact, not part of the widget.
    dotfiles: 'ignore',
    index: false,
    redirect: false,
    setHeaders: (res, filePath) => {
      // sst-chat.js keeps its name across deploys, so it must be revalidated (cheap, thanks to the ETag).
      res.setHeader('Cache-Control', path.resolve(filePath).startsWith(chunksDir) ? IMMUTABLE : 'no-cache');
    },
  });
}

function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const status = (error as { status?: unknown; statusCode?: unknown }).status ?? (error as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' ? status : undefined;
}

/**
 * The last handler: a client error (e.g. a malformed request) gets `bad_request`, everything else
 * `internal`. The body never carries a message or stack. The log line names the route pattern, not
 * the URL (a URL may later carry a conversation token), and the stack frames without the message
 * (an error message can quote what a person typed).
 */
function errorHandler(logError: (line: string) => void): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const status = statusOf(error);
    if (status !== undefined && status >= 400 && status < 500) {
      sendError(res, status, status === 404 ? 'not_found' : 'bad_request');
      return;
    }
    const routePath: unknown = req.route?.path;
    const name = error instanceof Error ? error.name : typeof error;
    const frames = error instanceof Error ? (error.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l)) : [];
    logError([`sst-chat: internal error (${name}) on ${req.method} ${typeof routePath === 'string' ? routePath : '(no route)'}`, ...frames].join('\n'));
    sendError(res, 500, 'internal');
  };
}
