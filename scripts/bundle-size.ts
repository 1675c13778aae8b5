/**
 * What the host page downloads, from the build manifest: the part loaded before the person opens
 * the chat (the entry and its static imports) and what opening adds (the panel, XState, the flow).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/**
 * Before opening and on opening are on the person's path. The risk engine (rules and two trained
 * models, about 80 KB) loads in the background after opening and must be there by the first
 * written answer, a few steps later: on a slow 3G line that is about two seconds of downloading.
 */
export const BUDGET = { beforeOpen: 5 * 1024, onOpen: 35 * 1024, riskEngine: 96 * 1024 };

/** The chunk holding the risk engine (flows/safety/assess.ts with its lexicon and model). */
export const isRiskEngine = (file: string) => /(^|\/)safety-[\w-]+\.js$/.test(file);

export interface PartSize {
  files: string[];
  raw: number;
  gzip: number;
  /** Whether any file in the part contains socket.io code. */
  socketIo: boolean;
}

export interface BundleReport {
  beforeOpen: PartSize;
  /** Per flow: what opening the chat adds when that flow runs. */
  onOpen: Record<string, PartSize>;
  /** Loaded only when needed, later in a session (e.g. the plan card), each file on its own. */
  later: Record<string, PartSize>;
}

function closure(manifest: Manifest, keys: string[], seen = new Set<string>()): Set<string> {
  for (const key of keys) {
    if (seen.has(key)) continue;
    seen.add(key);
    closure(manifest, manifest[key]?.imports ?? [], seen);
  }
  return seen;
}

function measure(dir: string, manifest: Manifest, keys: Iterable<string>): PartSize {
  const files = [...keys].map((k) => manifest[k]!.file).sort();
  let raw = 0;
  let gzip = 0;
  let socketIo = false;
  for (const file of files) {
    const content = readFileSync(join(dir, file));
    raw += content.length;
    // Each file is its own request, so each is compressed on its own.
    gzip += gzipSync(content, { level: 9 }).length;
    if (/socket\.io|engine\.io/i.test(content.toString('utf8'))) socketIo = true;
  }
  return { files, raw, gzip, socketIo };
}

export function bundleReport(dir = 'dist/widget'): BundleReport {
  const manifest = JSON.parse(readFileSync(join(dir, '.vite/manifest.json'), 'utf8')) as Manifest;
  const entryKey = Object.keys(manifest).find((k) => manifest[k]!.isEntry);
  if (!entryKey) throw new Error(`No entry in ${dir}/.vite/manifest.json; run npm run build.`);
  const before = closure(manifest, [entryKey]);
  const panelKey = manifest[entryKey]!.dynamicImports?.find((k) => k.includes('sst-panel'));
  if (!panelKey) throw new Error('The entry does not load the panel on demand.');
  const panel = closure(manifest, [panelKey]);
  const flowKeys = Object.keys(manifest).filter((k) => k.endsWith('.flow.yaml'));
  const onOpen: Record<string, PartSize> = {};
  for (const flowKey of flowKeys) {
    const id = flowKey.replace(/^.*\//, '').replace('.flow.yaml', '');
    const all = closure(manifest, [flowKey], new Set(panel));
    onOpen[id] = measure(dir, manifest, [...all].filter((k) => !before.has(k)));
  }
  const counted = new Set([...before, ...panel, ...flowKeys]);
  const later: Record<string, PartSize> = {};
  for (const key of Object.keys(manifest)) {
    if (!counted.has(key)) later[manifest[key]!.file] = measure(dir, manifest, [key]);
  }
  return { beforeOpen: measure(dir, manifest, before), onOpen, later };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** Prints the report; returns the problems (over budget, socket.io present). */
export function printReport(report: BundleReport, log: (line: string) => void = console.log): string[] {
  const problems: string[] = [];
  const check = (label: string, part: PartSize, budget: number) => {
    const ok = part.gzip <= budget && !part.socketIo;
    log(`${ok ? '✓' : '✗'} ${label}: ${kb(part.gzip)} gzip (${kb(part.raw)} raw, ${part.files.length} files), budget ${kb(budget)}`);
    if (part.gzip > budget) problems.push(`${label} is ${kb(part.gzip)} gzip, over the ${kb(budget)} budget.`);
    if (part.socketIo) problems.push(`${label} contains socket.io code; it must load only on handoff.`);
  };
  check('Before opening (sst-chat.js)', report.beforeOpen, BUDGET.beforeOpen);
  for (const [flow, part] of Object.entries(report.onOpen)) check(`Opening adds (flow "${flow}")`, part, BUDGET.onOpen);
  for (const [file, part] of Object.entries(report.later)) {
    if (isRiskEngine(file)) check(`Risk engine, after opening (${file})`, part, BUDGET.riskEngine);
    else log(`  loaded separately (in the background after opening, or when needed): ${file} ${kb(part.gzip)} gzip`);
  }
  return problems;
}
