/**
 * What a host page downloads, measured on the real build (made in globalSetup), against the budgets:
 * at most 5 KB gzip before the person opens the chat, at most 35 KB more when they do, and no
 * socket.io code in either (it loads only when the person asks for a human); the risk engine, which
 * loads after opening, at most 96 KB.
 */
import { describe, expect, it } from 'vitest';
import { BUDGET, bundleReport, isRiskEngine } from '../../scripts/bundle-size.js';

describe('widget size', () => {
  const report = bundleReport('dist/widget');

  it('keeps the launcher small, with the panel, XState and the flows out of it', () => {
    expect(report.beforeOpen.gzip).toBeLessThanOrEqual(BUDGET.beforeOpen);
    expect(report.beforeOpen.files).toContain('sst-chat.js');
    expect(report.beforeOpen.files.some((f) => /sst-panel|flow/.test(f))).toBe(false);
  });

  it('adds at most 35 KB on opening, for every flow', () => {
    expect(Object.keys(report.onOpen).sort()).toEqual(['default', 'youth']);
    for (const part of Object.values(report.onOpen)) {
      expect(part.gzip).toBeLessThanOrEqual(BUDGET.onOpen);
      expect(part.files.some((f) => f.includes('sst-panel'))).toBe(true);
    }
  });

  it('keeps the risk engine, with its trained models, in one chunk of at most 96 KB after opening', () => {
    const engine = Object.entries(report.later).filter(([file]) => isRiskEngine(file));
    expect(engine).toHaveLength(1);
    expect(engine[0]![1].gzip).toBeLessThanOrEqual(BUDGET.riskEngine);
    expect(engine[0]![1].socketIo).toBe(false);
  });

  it('contains no socket.io code before or on opening', () => {
    expect(report.beforeOpen.socketIo).toBe(false);
    for (const part of Object.values(report.onOpen)) expect(part.socketIo).toBe(false);
  });
});
