import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * Builds the therapist console: an ordinary app (not a library) served by the server at `/console/`.
 * It is a separate build from the widget so socket.io-client and the console's code never reach a
 * host page. Build with NODE_ENV=production (as `vite build` does by default), or Vite resolves
 * Lit's development build. `npx vite --config vite.console.config.ts` serves it for development, passing the API
 * and Socket.IO through to a server running on PORT (default 3000).
 */
const root = fileURLToPath(new URL('./server/console/', import.meta.url));
const target = `http://localhost:${process.env.PORT ?? 3000}`;

export default defineConfig({
  root,
  base: '/console/',
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL('./dist/console/', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    sourcemap: false,
  },
  server: {
    proxy: {
      '/api': target,
      '/socket.io': { target, ws: true },
    },
  },
});
