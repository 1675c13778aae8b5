import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES, CRISIS_RESOURCES } from '../../flows/crisis-resources.js';
import { listFlowFiles, parseFlowFile } from '../../flows/load.js';

describe('crisis resources', () => {
  it.each(COUNTRY_CODES)('%s has an emergency number and a crisis line', (country) => {
    const resources = CRISIS_RESOURCES[country];
    const emergency = resources.filter((r) => r.emergency);
    expect(emergency.length, 'an emergency number').toBeGreaterThan(0);
    for (const r of emergency) expect(r.phone).toMatch(/^\+?\d{3,}$/);
    const lines = resources.filter((r) => !r.emergency && (r.phone || r.sms));
    expect(lines.length, 'a crisis line to call or text').toBeGreaterThan(0);
    for (const r of lines) {
      if (r.phone) expect(r.phone).toMatch(/^\+?\d{3,}$/);
      if (r.sms) expect(r.sms).toMatch(/^\+?\d{3,}$/);
    }
  });

  it('covers exactly AU, NZ, GB, IE, US and CA', () => {
    expect([...COUNTRY_CODES].sort()).toEqual(['AU', 'CA', 'GB', 'IE', 'NZ', 'US']);
    expect(Object.keys(CRISIS_RESOURCES).sort()).toEqual([...COUNTRY_CODES].sort());
  });

  const flows = listFlowFiles('flows');
  it('bundles at least the default and youth flows', () => {
    expect(flows.map((f) => f.replace(/\\/g, '/'))).toEqual(expect.arrayContaining(['flows/default.flow.yaml', 'flows/youth.flow.yaml']));
  });

  it.each(flows)('%s shows the crisis numbers before its first free-text question', (file) => {
    const flow = parseFlowFile(file);
    const firstText = flow.steps.findIndex((step) => step.kind === 'text');
    expect(firstText, 'a free-text question').toBeGreaterThanOrEqual(0);
    const firstCrisis = flow.steps.findIndex((step) => 'crisis' in step && step.crisis === true);
    expect(firstCrisis, 'a step with crisis: true').toBeGreaterThanOrEqual(0);
    expect(firstCrisis).toBeLessThan(firstText);
  });
});
