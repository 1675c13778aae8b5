/**
 * `npm run flows:check [files...]` — checks flow files and says what to fix.
 * `npm run flows:check -- --diagram flows/default.flow.yaml` — prints the flow as a Mermaid diagram.
 *
 * With no files it checks every flows/*.flow.yaml and also checks that options' `flow:` switches
 * name one of those flows. Exit code 0 when all is well, 1 when anything needs fixing.
 */
import { checkFlow, flowDiagram } from './check.js';
import { FlowError, listFlowFiles, parseFlowFile } from './load.js';
import type { Flow } from './schema.js';

function load(file: string): Flow | string[] {
  try {
    return parseFlowFile(file);
  } catch (err) {
    if (err instanceof FlowError) return err.problems;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return [`${file}: there is no such file`];
    return [`${file}: cannot be read: ${(err as Error).message}`];
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function main(args: string[]): number {
  const diagramAt = args.indexOf('--diagram');
  if (diagramAt >= 0) {
    const file = args[diagramAt + 1];
    if (!file) {
      console.error('Say which flow to draw, e.g.: npm run flows:check -- --diagram flows/default.flow.yaml');
      return 1;
    }
    const flow = load(file);
    if (Array.isArray(flow)) {
      flow.forEach((p) => console.error(`✗ ${p}`));
      return 1;
    }
    process.stdout.write(flowDiagram(flow));
    return 0;
  }

  const all = args.length === 0;
  const files = all ? listFlowFiles('flows') : args;
  if (files.length === 0) {
    console.error('No flow files found (flows/*.flow.yaml).');
    return 1;
  }
  const loaded = files.map((file) => [file, load(file)] as const);
  // Flow switches are only checked when all flows are known (a single file may switch to any).
  const ids = all ? loaded.flatMap(([, f]) => (Array.isArray(f) ? [] : [f.id])) : undefined;
  let problemCount = 0;
  let badFiles = 0;
  for (const [file, flow] of loaded) {
    const problems = Array.isArray(flow) ? flow : checkFlow(flow, file, ids ? { flows: ids, requireSafety: true } : { requireSafety: true });
    if (problems.length === 0 && !Array.isArray(flow)) {
      console.log(`✓ ${file} (${plural(flow.steps.length, 'step')})`);
      continue;
    }
    badFiles++;
    problemCount += problems.length;
    for (const p of problems) console.log(`✗ ${p}`);
  }
  if (problemCount > 0) {
    console.log(
      `\n${plural(problemCount, 'problem')} in ${plural(badFiles, 'flow file')}. Fix ${problemCount === 1 ? 'it' : 'them'} and run npm run flows:check again.`,
    );
    return 1;
  }
  return 0;
}

// `npm run flows:check -- --diagram x | head` closes the pipe early; that is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
});
process.exitCode = main(process.argv.slice(2));
