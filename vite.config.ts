import { defineConfig } from 'vite';
import { flowsPlugin } from './flows/vite-plugin.js';
import { minifyTemplates } from './scripts/minify-templates.js';

/**
 * Builds the widget a host page embeds: `dist/widget/sst-chat.js` (the small launcher) and, in
 * `chunks/`, what it loads when the person opens the chat. The manifest lets `npm run build`
 * report the size of each part. Relative chunk URLs resolve against the script's own URL, so the
 * widget works from any origin the host page loads it from.
 */
export default defineConfig({
  plugins: [flowsPlugin(), minifyTemplates()],
  // Library mode leaves process.env checks in; the browser has no `process`.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: 'dist/widget',
    emptyOutDir: true,
    manifest: true,
    target: 'es2022',
    sourcemap: false,
    lib: {
      entry: 'widget/index.ts',
      formats: ['es'],
      fileName: () => 'sst-chat.js',
    },
    rolldownOptions: {
      output: {
        // Library mode keeps whitespace unless asked; sizes matter on a host page.
        minify: true,
        chunkFileNames: 'chunks/[name]-[hash].js',
      },
    },
  },
});
