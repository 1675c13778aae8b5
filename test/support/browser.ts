/**
 * Real Chromium for tests that need a browser (accessibility checks, end-to-end runs), and axe-core
 * on a page. Uses the system Chromium through playwright-core, so no browser download is needed;
 * set CHROMIUM_PATH to use another binary.
 */
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.js';
import type { ElementContext, ImpactValue, RunOptions } from 'axe-core';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');

/**
 * `backForwardCache`: keep pages in the back/forward cache as desktop Chrome does (the automation
 * default turns it off), to test what Back shows after leaving a page.
 */
export function launchBrowser(options: { backForwardCache?: boolean } = {}): Promise<Browser> {
  if (!options.backForwardCache) return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, '--enable-features=BackForwardCache', '--disable-features=BackForwardCacheMemoryControls'],
    ignoreDefaultArgs: ['--disable-back-forward-cache'],
  });
}

/** One axe violation, reduced to what a failing test should print. */
export interface AxeViolation {
  id: string;
  impact: ImpactValue | undefined;
  help: string;
  helpUrl: string;
  /** CSS selectors of the offending elements, with axe's summary of what to fix. */
  nodes: Array<{ target: string; summary: string }>;
}

export interface AxeCheckOptions {
  /** CSS selectors to check; default the whole document. */
  include?: string[];
  /** CSS selectors to leave out, e.g. `['sst-chat']` to check only the host page. */
  exclude?: string[];
  /** Passed to `axe.run`, e.g. `{ runOnly: ['wcag2a', 'wcag2aa'] }`. */
  runOptions?: RunOptions;
}

/**
 * Runs axe-core in the page and returns its violations (an empty list means none found).
 * Example: `expect(await axeViolations(page, { exclude: ['sst-chat'] })).toEqual([])`.
 */
export async function axeViolations(page: Page, options: AxeCheckOptions = {}): Promise<AxeViolation[]> {
  // Injected once per document; a navigation gives a fresh document without it.
  const present = await page.evaluate(() => 'axe' in window);
  if (!present) await page.addScriptTag({ path: AXE_PATH });

  return page.evaluate(async ({ include, exclude, runOptions }) => {
    const { axe } = window as unknown as { axe: typeof import('axe-core') };
    // Exclusions belong in the context (not in the run options), or axe silently ignores them.
    const context: ElementContext = include ? { include, exclude: exclude ?? [] } : exclude ? { exclude } : document;
    const results = await axe.run(context, runOptions ?? {});
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? undefined,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary ?? '' })),
    }));
  }, { include: options.include, exclude: options.exclude, runOptions: options.runOptions });
}

/** A readable list of violations for a test failure message. */
export function formatViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n${v.nodes.map((n) => `  ${n.target}\n    ${n.summary.replace(/\n/g, '\n    ')}`).join('\n')}`)
    .join('\n\n');
}
