/**
 * A build-only Vite plugin that collapses the indentation inside Lit's `css` and `html` tagged
 * templates. The JS minifier leaves template text alone, and on a host page every KB counts.
 *
 * Only runs of whitespace that contain a line break are touched: they become one space (HTML and
 * CSS treat both the same), so text on one line, such as `content: '✓ '`, is never changed.
 * No template in the widget relies on line breaks (no `<pre>`, no `white-space: pre` markup).
 */
import type { Plugin } from 'vite';

const TAGGED = /\b(css|html)`((?:[^`\\]|\\.)*)`/g;

export function collapseTemplate(text: string): string {
  return text.replace(/[ \t]*\n\s*/g, ' ');
}

export function minifyTemplates(): Plugin {
  return {
    name: 'sst-minify-templates',
    apply: 'build',
    transform(code, id) {
      if (!/\/widget\/.*\.ts$/.test(id)) return null;
      return { code: code.replace(TAGGED, (_, tag: string, body: string) => `${tag}\`${collapseTemplate(body)}\``), map: null };
    },
  };
}
