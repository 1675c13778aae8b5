// The flow format: the bundled flows fit it, malformed steps are rejected with the step named,
// and the Vite plugin turns flow files into checked JSON (or fails the build).
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import defaultFlow from '../../flows/default.flow.yaml';
import youthFlow from '../../flows/youth.flow.yaml';
import { FlowError, parseFlowFile, parseFlowText } from '../../flows/load.js';
import { Flow } from '../../flows/schema.js';
import { flowsPlugin, forBrowser } from '../../flows/vite-plugin.js';

const FILE = 'flows/bad.flow.yaml';
const HEADER = 'id: bad\nversion: 1\ntitle: { en: Bad }\nlocales: [en]\nsteps:\n  - { id: start, kind: message }\n';

function rejection(steps: string): string {
  try {
    parseFlowText(HEADER + steps + '  - { id: done, kind: end }\n', FILE);
  } catch (err) {
    expect(err).toBeInstanceOf(FlowError);
    return (err as FlowError).message;
  }
  throw new Error('expected the flow to be rejected');
}

describe('bundled flows', () => {
  it.each(['flows/default.flow.yaml', 'flows/youth.flow.yaml'])('%s fits the schema', (file) => {
    const result = Flow.safeParse(parse(readFileSync(file, 'utf8')));
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it('are imported through the Vite plugin, validated, with defaults applied and without notes', () => {
    const full = parseFlowFile('flows/default.flow.yaml');
    expect(full.steps.filter((s) => s.note).length).toBeGreaterThan(10);
    expect(defaultFlow).toEqual(forBrowser(full));
    expect(defaultFlow.steps.filter((s) => 'note' in s)).toEqual([]);
    expect(defaultFlow.steps.length).toBe(full.steps.length);
    expect(youthFlow.id).toBe('youth');
    const message = defaultFlow.steps.find((s) => s.id === 'make_smaller');
    expect(message).toMatchObject({ kind: 'message', crisis: false });
  });
});

describe('malformed steps are rejected with the step named', () => {
  it('unknown kind', () => {
    expect(rejection('  - { id: ask, kind: qestion }\n')).toBe(
      `${FILE}: step "ask" (steps[1]): kind: kind "qestion" is not one of: message, text, choice, rating, content, plan, summary, end (line 7)`,
    );
  });

  it('missing field and misspelt field', () => {
    const m = rejection('  - { id: ask, kind: text, capture: goal, lable: { en: Goal } }\n');
    expect(m).toContain(`${FILE}: step "ask" (steps[1]): label: is required but missing`);
    expect(m).toContain(`${FILE}: step "ask" (steps[1]): unknown field "lable" (did you mean "label"?)`);
  });

  it('bad step id, named by index when there is no usable id', () => {
    expect(rejection('  - { id: Best Hopes, kind: message }\n')).toContain(
      `step "Best Hopes" (steps[1]): id: "Best Hopes" is not a step id in lower_snake_case`,
    );
    expect(rejection('  - { kind: message }\n')).toContain(`${FILE}: steps[1]: id: is required but missing`);
  });

  it('empty text, and a comma splitting an unquoted text', () => {
    expect(rejection('  - { id: ask, kind: message, say: [{ en: "" }] }\n')).toContain('step "ask" (steps[1]): say[0].en: is empty');
    expect(rejection('  - { id: ask, kind: message, say: [{ en: Hi, there }] }\n')).toContain(
      'step "ask" (steps[1]): say[0]: "there" is not a locale code like "en"',
    );
  });

  it('a condition that is not one of the known forms', () => {
    const m = rejection('  - { id: ask, kind: message, next: [{ if: { answer: x, under: 3 }, goto: done }, { goto: done }] }\n');
    expect(m).toContain('step "ask" (steps[1]): next[0].if: not a valid condition. Write one of:');
  });

  it('next that is neither a step id nor a list of rules', () => {
    expect(rejection('  - { id: ask, kind: message, next: 3 }\n')).toContain(
      'step "ask" (steps[1]): next: next must be a step id, or a list of rules',
    );
  });

  it('an option without a value, and a choice without options', () => {
    expect(rejection('  - { id: ask, kind: choice, capture: c, label: { en: C }, options: [{ label: { en: A } }] }\n')).toContain(
      'step "ask" (steps[1]): options[0].value: is required but missing',
    );
    expect(rejection('  - { id: ask, kind: choice, capture: c, label: { en: C }, options: [] }\n')).toContain(
      'step "ask" (steps[1]): options: needs at least 1 item(s)',
    );
  });

  it('collects every problem in one go', () => {
    const m = rejection('  - { id: a, kind: qestion }\n  - { id: b, kind: text, capture: goal }\n');
    expect(m.split('\n')).toHaveLength(2);
  });
});

describe('flowsPlugin', () => {
  const plugin = flowsPlugin();
  const load = plugin.load as (this: unknown, id: string) => { code: string } | null;
  const context = {
    error(message: string): never {
      throw new Error(message);
    },
  };

  it('leaves other files alone', () => {
    expect(load.call(context, '/x/main.ts')).toBeNull();
  });

  it('turns a flow file into JSON', () => {
    const out = load.call(context, 'flows/youth.flow.yaml?import');
    expect(out?.code).toMatch(/^export default \{"id":"youth"/);
  });

  it('fails the build on a schema problem or a graph problem, with the checker message', () => {
    expect(() => load.call(context, 'test/flows/fixtures/schema-error.flow.yaml')).toThrow(
      'test/flows/fixtures/schema-error.flow.yaml: step "best_hopes" (steps[1]): label: is required but missing',
    );
    expect(() => load.call(context, 'test/flows/fixtures/no-way-out.flow.yaml')).toThrow('step "loop_a" (steps[2]): can never reach an end');
  });
});
