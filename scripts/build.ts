/**
 * `npm run build`: builds the widget (a library for host pages) and the therapist console (an app
 * served at /console/), then prints what a host page downloads and checks the budgets.
 */
import { build } from 'vite';
import { bundleReport, printReport } from './bundle-size.js';

// Vite picks Lit's and XState's production builds only when NODE_ENV says so.
process.env.NODE_ENV = 'production';
await build({ configFile: 'vite.config.ts', logLevel: 'warn', mode: 'production' });
await build({ configFile: 'vite.console.config.ts', logLevel: 'warn', mode: 'production' });
const problems = printReport(bundleReport('dist/widget'));
if (problems.length) {
  for (const p of problems) console.error(p);
  process.exit(1);
}
