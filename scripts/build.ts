/** `npm run build`: builds the widget, then prints what a host page downloads and checks the budgets. */
import { build } from 'vite';
import { bundleReport, printReport } from './bundle-size.js';

await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
const problems = printReport(bundleReport('dist/widget'));
if (problems.length) {
  for (const p of problems) console.error(p);
  process.exit(1);
}
