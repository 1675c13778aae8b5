/**
 * Lets code `import flow from './default.flow.yaml'`: the file is read, validated and checked at
 * build time and becomes plain JSON, so the browser gets a ready flow (defaults applied) and never
 * loads YAML or zod. A flow with any problem fails the build with the same sentences that
 * `npm run flows:check` prints: a flow that can trap a person must never ship.
 */
import type { Plugin } from 'vite';
import { checkFlow } from './check.js';
import { FlowError, parseFlowFile } from './load.js';

const FLOW_FILE = /\.flow\.yaml$/;

export function flowsPlugin(): Plugin {
  return {
    name: 'sst-chat:flows',
    load(id) {
      const file = id.split('?')[0]!;
      if (!FLOW_FILE.test(file)) return null;
      let flow;
      try {
        flow = parseFlowFile(file);
      } catch (err) {
        if (err instanceof FlowError) return this.error(err.message);
        throw err;
      }
      const problems = checkFlow(flow, file);
      if (problems.length) return this.error(problems.join('\n'));
      // moduleType: the bundler would otherwise guess the type of a .yaml file from its name.
      return { code: `export default ${JSON.stringify(flow)};\n`, moduleType: 'js' };
    },
  };
}
