import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Runs `npm run risk -- ...args` the way npm does (tsx). */
function risk(args: string[], stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, ['--import', 'tsx', 'scripts/risk.ts', ...args], { cwd: repoRoot }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(stdin);
  });
}

describe('npm run risk', { timeout: 30_000 }, () => {
  it('rates each line of standard input', async () => {
    const run = await risk(['-'], "I want to kill myself\nthis is killing me\n\nI wish I could disappear\n");
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      'urgent\tintent\tI want to kill myself\nnone\t-\tthis is killing me\nconcern\tpassive ideation\tI wish I could disappear\n',
    );
  });

  it('rates a file, reading the message out of labelled lines', async () => {
    const run = await risk(['test/safety/fixtures.en.tsv']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(240);
    for (const line of lines) expect(line).toMatch(/^(none|concern|urgent)\t[^\t]+\t[^\t]+$/);
    expect(lines).toContain('urgent\tmethod\tI took 20 paracetamol');
  });

  it('with --why, says what matched, what softened it and which words weighed with the model', async () => {
    const unlisted = "I've put the dog's lead and my letters on the table for mum, she'll find them in the morning";
    const run = await risk(['--why', '-'], `I'm not going to kill myself\n${unlisted}\n`);
    expect(run.code).toBe(0);
    const [negated, modelled] = run.stdout.trim().split('\n').map((line) => line.split('\t'));
    expect(negated).toEqual(['concern', 'intent', "I'm not going to kill myself", 'intent: kill myself (negated)']);
    expect(modelled?.slice(0, 3)).toEqual(['urgent', 'model', unlisted]);
    expect(modelled?.[3]).toMatch(/(^|; )model: \w+/);
  });

  it('says so and exits 1 for a missing file', async () => {
    const run = await risk(['no/such/file.txt']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/There is no file at no\/such\/file\.txt\./);
  });
});
