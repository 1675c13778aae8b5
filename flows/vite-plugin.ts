/**
 * Lets code `import flow from './default.flow.yaml'`: the file is read, validated and checked at
 * build time and becomes plain JSON, so the browser gets a ready flow (defaults applied) and never
 * loads YAML or zod. Clinicians' notes are left out of the bundle (never shown, about a quarter of
 * the bytes). A flow with any problem fails the build with the same sentences that
 * `npm run flows:check` prints: a flow that can trap a person must never ship.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Plugin } from 'vite';
import type { Flow } from './schema.js';
import { checkFlow } from './check.js';
import { FlowError, parseFlowText } from './load.js';

const FLOW_FILE = /\.flow\.yaml$/;

export function flowsPlugin(): Plugin {
  return {
    name: 'sst-chat:flows',
    load(id) {
      const file = id.split('?')[0]!;
      if (!FLOW_FILE.test(file)) return null;
      // Messages name `flows/x.flow.yaml`, as the CLI does, when the file is inside the project.
      const rel = relative(process.cwd(), file);
      const name = rel.startsWith('..') ? file : rel;
      let flow;
      try {
        flow = parseFlowText(readFileSync(file, 'utf8'), name);
      } catch (err) {
        if (err instanceof FlowError) return this.error(err.message);
        throw err;
      }
      const problems = checkFlow(flow, name, { requireSafety: true });
      if (problems.length) return this.error(problems.join('\n'));
      // moduleType: the bundler would otherwise guess the type of a .yaml file from its name.
      const data = id.includes('?safety') ? flow.safety : forBrowser(flow);
      return { code: `export default ${JSON.stringify(data)};\n`, moduleType: 'js' };
    },
  };
}

/**
 * The flow as the browser gets it: the same data without the notes for clinicians, and without the
 * `safety` wording, which is its own chunk (`?safety`) loaded just after the flow, off the opening bundle.
 */
export function forBrowser(flow: Flow): Flow {
  const { audience: _audience, safety: _safety, ...rest } = flow;
  return { ...rest, steps: flow.steps.map(({ note: _note, ...step }) => step as typeof flow.steps[number]) };
}
