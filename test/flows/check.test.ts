// The flow checker: each rule with a small flow, the fixture files, and the CLI end to end.
import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { checkFlow, flowDiagram } from '../../flows/check.js';
import { FlowError, listFlowFiles, parseFlowFile, parseFlowText } from '../../flows/load.js';

const FILE = 'flows/test.flow.yaml';
const HEADER = 'id: test\nversion: 1\ntitle: { en: Test }\nlocales: [en]\nsteps:\n';

/** Problems from loading and checking a flow made of the given steps (YAML). */
function problems(steps: string, options: Parameters<typeof checkFlow>[2] = {}): string[] {
  try {
    return checkFlow(parseFlowText(HEADER + steps, FILE), FILE, options);
  } catch (err) {
    if (err instanceof FlowError) return err.problems;
    throw err;
  }
}

const END = '  - { id: done, kind: end }\n';
const ASK_GOAL = '  - { id: ask, kind: text, capture: goal, label: { en: Goal } }\n';

describe('checkFlow: graph', () => {
  it('accepts a straight flow that falls through to an end', () => {
    expect(problems(ASK_GOAL + END)).toEqual([]);
  });

  it('reports a step nothing leads to as unreachable', () => {
    const p = problems('  - { id: start, kind: message, next: done }\n  - { id: lost, kind: message }\n' + END);
    expect(p).toEqual([expect.stringContaining(`${FILE}: step "lost" (steps[1]): unreachable`)]);
  });

  it('reports a last step that is not an end as a dead end', () => {
    const p = problems('  - { id: start, kind: message }\n  - { id: stuck, kind: message }\n');
    expect(p.join('\n')).toContain('step "stuck" (steps[1]): dead end');
  });

  it('reports a loop with no way out, but not the steps that can still leave', () => {
    const p = problems(
      '  - { id: start, kind: choice, capture: c, label: { en: Go }, options: [{ value: a, label: { en: A }, goto: done }, { value: b, label: { en: B }, goto: loop } ] }\n' +
        END +
        '  - { id: loop, kind: message, next: start_again }\n  - { id: start_again, kind: message, next: loop }\n',
    );
    expect(p).toHaveLength(2);
    expect(p[0]).toContain('step "loop" (steps[2]): can never reach an end');
    expect(p[1]).toContain('step "start_again" (steps[3]): can never reach an end');
  });

  it('counts choice options with goto as edges', () => {
    const steps =
      '  - { id: start, kind: choice, capture: c, label: { en: Go }, options: [{ value: a, label: { en: A }, goto: far } ] }\n' +
      '  - { id: skipped, kind: message }\n  - { id: far, kind: end }\n';
    expect(problems(steps)).toEqual([expect.stringContaining('step "skipped" (steps[1]): unreachable')]);
  });

  it('counts a switch to another flow as a way out', () => {
    const steps =
      '  - { id: start, kind: message }\n' +
      '  - { id: age, kind: choice, capture: age, label: { en: Age }, next: start, options: [{ value: young, label: { en: Young }, flow: youth }, { value: old, label: { en: Old } }] }\n';
    expect(problems(steps)).toEqual([]);
    expect(problems(steps, { flows: ['youth'] })).toEqual([]);
    expect(problems(steps, { flows: ['default', 'yuoth'] })[0]).toContain('options[0].flow: there is no flow "youth"');
  });

  it('needs a default rule last and reports rules after it', () => {
    const noDefault = problems(ASK_GOAL.replace('}\n', ', next: [{ if: { answer: goal, given: true }, goto: done }] }\n') + END);
    expect(noDefault[0]).toContain('step "ask" (steps[0]): the last rule in "next" needs no "if"');
    const after = problems(ASK_GOAL.replace('}\n', ', next: [{ goto: done }, { if: { answer: goal, given: true }, goto: done }] }\n') + END);
    expect(after[0]).toContain('next[1] and later rules are never used');
  });

  it('reports goto, next and visits naming a missing step, with a hint', () => {
    const p = problems(
      '  - { id: start, kind: message, next: [{ if: { visits: strat, below: 2 }, goto: dnoe }, { goto: done }] }\n' + END,
    );
    expect(p).toContain(`${FILE}: step "start" (steps[0]): next[0].goto: there is no step "dnoe" (did you mean "done"?) (line 6)`);
    expect(p.join('\n')).toContain('next[0].if: there is no step "strat" (did you mean "start"?)');
  });

  it('reports an end step with next, and goto on a multiple choice', () => {
    expect(problems('  - { id: done, kind: end, next: done }\n')[0]).toContain('its "next" is never used');
    const multi = '  - { id: pick, kind: choice, multiple: true, capture: c, label: { en: P }, options: [{ value: a, label: { en: A }, goto: done }] }\n';
    expect(problems(multi + END)[0]).toContain('options[0]: "goto" and "flow" work only when one option is picked');
  });
});

describe('checkFlow: answers', () => {
  const say = (text: string) => `  - { id: show, kind: message, say: [{ en: "${text}" }] }\n`;
  const rating = '  - { id: rate, kind: rating, capture: score, label: { en: R }, minLabel: { en: lo }, maxLabel: { en: hi } }\n';
  const planStep =
    '  - id: plan\n    kind: plan\n    capture: plan\n    submitLabel: { en: Save }\n    fields:\n' +
    ['what', 'day', 'time', 'where', 'obstacle', 'ifThen'].map((f) => `      ${f}: { label: { en: ${f} } }\n`).join('');

  it('accepts {name}, {name+1} and {plan.field} for answers asked before', () => {
    const text = '{goal} {score} {score+1} {score+2} {plan} {plan.what} {plan.when} {plan.ifThen}';
    expect(problems(ASK_GOAL + rating + planStep + say(text) + END)).toEqual([]);
  });

  it('reports unknown answers, unknown plan fields and wrong uses of +1', () => {
    const p = problems(ASK_GOAL + planStep + say('{gaol} {plan.whan} {goal+1} {goal.what} {plan.what+1} {not valid}') + END).join('\n');
    expect(p).toContain('step "show" (steps[2]): say[0]: "{gaol}" names an answer that no step asks for (did you mean "goal"?)');
    expect(p).toContain('"{plan.whan}": a plan has what, day, time, when, where, obstacle, ifThen');
    expect(p).toContain('"{goal+1}": +1 works only on a rating answer');
    expect(p).toContain('"{plan.what+1}": +1 works only on a rating answer');
    expect(p).toContain('"goal" is not a plan');
    expect(p).toContain('"{not valid}" is not a placeholder');
  });

  it('reports an answer used before the step that asks for it', () => {
    const p = problems(say('Your goal: {goal}') + ASK_GOAL + END);
    expect(p).toEqual([expect.stringContaining('step "show" (steps[0]): say[0]: "{goal}" may not be answered yet here')]);
  });

  it('reports an answer asked on only one of two paths', () => {
    const steps =
      '  - { id: start, kind: choice, capture: c, label: { en: Go }, options: [{ value: a, label: { en: A }, goto: show }, { value: b, label: { en: B } }] }\n' +
      ASK_GOAL +
      say('{goal}') +
      END;
    expect(problems(steps)).toEqual([expect.stringContaining('step "show" (steps[2]): say[0]: "{goal}" may not be answered yet')]);
  });

  it('checks answers in conditions, and compares numbers only on ratings', () => {
    const next = (cond: string) => `  - { id: check, kind: message, next: [{ if: ${cond}, goto: done }, { goto: done }] }\n`;
    const choice = '  - { id: pick, kind: choice, capture: pick, label: { en: P }, options: [{ value: a, label: { en: A } }] }\n';
    expect(problems(rating + choice + next('{ all: [{ answer: score, below: 7 }, { answer: pick, is: a }] }') + END)).toEqual([]);
    expect(problems(rating + next('{ answer: mood, below: 7 }') + END)[0]).toContain('next[0].if: "mood" names an answer that no step asks for');
    expect(problems(choice + next('{ answer: pick, below: 7 }') + END)[0]).toContain('"below"/"atLeast" compare numbers');
    expect(problems(choice + next('{ answer: pick, isOneOf: [a, zz] }') + END)[0]).toContain('"pick" has no option "zz"');
    // A rule on a step's own answer is fine: rules are tried after the answer is given.
    expect(problems('  - { id: rate, kind: rating, capture: score, label: { en: R }, minLabel: { en: l }, maxLabel: { en: h }, next: [{ if: { answer: score, below: 3 }, goto: done }, { goto: done }] }\n' + END)).toEqual([]);
  });
});

describe('loading', () => {
  it('reports missing locales, duplicate ids and duplicate captures by step', () => {
    const p = problems(
      '  - { id: ask, kind: text, capture: goal, label: { en: Goal }, say: [{ en: Hi }] }\n' +
      '  - { id: ask, kind: text, capture: goal, label: { en: Again } }\n' +
      END,
    );
    expect(p).toContain(`${FILE}: step "ask" (steps[1]): id: the id "ask" is already used by steps[0] (line 7)`);
    expect(p.join('\n')).toContain('step "ask" (steps[1]): capture: the answer name "goal" is already captured by step "ask"');
    const fr = parseFlowTextProblems(HEADER.replace('[en]', '[en, fr]') + ASK_GOAL + END);
    expect(fr).toContain(`${FILE}: title: missing text for locale "fr" (line 3)`);
    expect(fr).toContain(`${FILE}: step "ask" (steps[0]): label: missing text for locale "fr" (line 6)`);
  });

  it('names the file and line for YAML syntax errors', () => {
    expect(parseFlowTextProblems(HEADER + '  - { id: a, kind: end\n')[0]).toMatch(/^flows\/test\.flow\.yaml:\d+: not valid YAML/);
  });

  it('lists flow files sorted', () => {
    expect(listFlowFiles('flows')).toEqual(['flows/default.flow.yaml', 'flows/youth.flow.yaml']);
  });
});

function parseFlowTextProblems(text: string): string[] {
  try {
    parseFlowText(text, FILE);
    return [];
  } catch (err) {
    return (err as FlowError).problems;
  }
}

// The fixture files, each broken in one way; the problem must name the file and the step.
const FIXTURES: Array<[file: string, expected: string]> = [
  ['unreachable', 'step "lost" (steps[1]): unreachable'],
  ['dead-end', 'step "stuck" (steps[2]): dead end'],
  ['schema-error', 'step "best_hopes" (steps[1]): label: is required but missing'],
  ['no-way-out', 'step "loop_a" (steps[2]): can never reach an end'],
  ['unknown-answer', 'step "reflect" (steps[1]): say[0]: "{gaol}" names an answer that no step asks for'],
];
const fixture = (name: string) => `test/flows/fixtures/${name}.flow.yaml`;

describe('fixtures', () => {
  it.each(FIXTURES)('%s.flow.yaml is reported with its file and step', (name, expected) => {
    const file = fixture(name);
    const p = parseFlowTextProblemsFile(file);
    expect(p.join('\n')).toContain(`${file}: ${expected}`);
  });
});

function parseFlowTextProblemsFile(file: string): string[] {
  try {
    return checkFlow(parseFlowFile(file), file);
  } catch (err) {
    if (err instanceof FlowError) return err.problems;
    throw err;
  }
}

// Each run starts a process (about 2 s), so these run side by side.
describe.concurrent('npm run flows:check', { timeout: 60_000 }, () => {
  const run = (...args: string[]) =>
    new Promise<{ status: number | null; stdout: string }>((resolve) => {
      const child = execFile('npx', ['tsx', 'flows/check-cli.ts', ...args], { encoding: 'utf8' }, (_err, stdout) =>
        resolve({ status: child.exitCode, stdout }),
      );
    });

  it('passes the bundled flows', async () => {
    const r = await run();
    expect(r.stdout).toMatch(/^✓ flows\/default\.flow\.yaml \(\d+ steps\)$/m);
    expect(r.stdout).toMatch(/^✓ flows\/youth\.flow\.yaml \(\d+ steps\)$/m);
    expect(r.status).toBe(0);
  });

  it.each(FIXTURES)('fails on %s.flow.yaml, naming the file and the step', async (name, expected) => {
    const r = await run(fixture(name));
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`✗ ${fixture(name)}: ${expected}`);
    expect(r.stdout).toMatch(/\d problems? in 1 flow file\. Fix (it|them) and run npm run flows:check again\.\n$/);
  });

  it('prints a Mermaid diagram', async () => {
    const r = await run('--diagram', 'flows/default.flow.yaml');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^flowchart TD\n/);
    expect(r.stdout).toContain('s_confidence -->|"confidence < 7 and make_smaller seen < 2 times"| s_make_smaller');
  });

  it('says when a file does not exist', async () => {
    const r = await run('flows/nope.flow.yaml');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('flows/nope.flow.yaml: there is no such file');
  });
});

describe('flowDiagram', () => {
  it('draws every step, rules, option gotos and flow switches', () => {
    const d = flowDiagram(parseFlowFile('flows/default.flow.yaml'));
    expect(d).toContain('s_what_next(["<b>what_next</b>');
    expect(d).toContain('s_confirm_goal -->|"I\'d like to put it another way"| s_best_hopes');
    expect(d).toContain('s_age_band -.->|"Under 13 (if enabled)"| flow_youth');
    expect(d).toContain('s_scale_now -->|"otherwise"| s_what_puts_you');
    expect(d).toMatch(/class .*s_welcome.* crisis/);
  });
});

describe('checkFlow: what the widget can show', () => {
  it('reports a "Something else" box on a single choice, which the widget does not draw', () => {
    const p = problems(
      '  - { id: pick, kind: choice, capture: c, label: { en: Pick }, other: { capture: o, label: { en: Other } }, options: [{ value: a, label: { en: A } }] }\n' + END,
    );
    expect(p.join('\n')).toContain('step "pick" (steps[0]): "other" (a "Something else" box) is shown only with multiple: true');
  });

  it('refuses an end link that could run script on the host page', () => {
    const p = problems('  - { id: done, kind: end, links: [{ label: { en: Hi }, href: "javascript:alert(1)" }] }\n');
    expect(p.join('\n')).toContain('step "done"');
    expect(p.join('\n')).toContain('https://');
  });
});
