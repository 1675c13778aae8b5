/** Runs `server/index.ts` as a real process, the way `npm start` does. */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../server/store/sqlite.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
// Every run gets its own database file, never the developer's ./data/sst.db.
const db = () => path.join(mkdtempSync(path.join(tmpdir(), 'sst-index-')), 'sst.db');

function run(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('npx', ['tsx', 'server/index.ts'], { cwd: repoRoot, env: { ...process.env, SST_DB: db(), ...env }, timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

describe('server/index.ts', () => {
  it('stops with exit code 1 and one sentence when the configuration file is missing', async () => {
    const { code, stdout, stderr } = await run({ SST_CONFIG: '/nonexistent/service.config.json', PORT: '0' });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim()).toBe(
      'Service configuration: there is no file at /nonexistent/service.config.json. Set SST_CONFIG to the path of your service configuration JSON file, or create /nonexistent/service.config.json.',
    );
  }, 30_000);

  it('stops with a sentence when SST_ALLOWED_ORIGINS is not a list of origins', async () => {
    const { code, stderr } = await run({ PORT: '0', SST_ALLOWED_ORIGINS: 'clinic.example/path' });
    expect(code).toBe(1);
    expect(stderr).toContain('SST_ALLOWED_ORIGINS: "clinic.example/path" is not an origin.');
  }, 30_000);

  it('stops with exit code 1 when PORT is not a port', async () => {
    const { code, stderr } = await run({ PORT: 'eighty' });
    expect(code).toBe(1);
    expect(stderr).toContain('PORT must be a whole number from 0 to 65535, not "eighty".');
    expect(stderr).not.toMatch(/\bat /);
  }, 30_000);

  it('starts with the shipped configuration, serves, and exits cleanly on SIGTERM', async () => {
    // Node runs the file directly (tsx as a loader) so the signal reaches the server process itself.
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
      cwd: repoRoot,
      env: { ...process.env, PORT: '0', SST_CONFIG: '', SST_DB: db() },
    });
    let stdout = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /sst-chat is running at (http:\/\/localhost:\d+\/) \(demo site\), widget at \/widget\/sst-chat\.js/.exec(stdout);
        if (match?.[1]) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`exited early with ${code}: ${stdout}`)));
    });
    const res = await fetch(`${url}healthz`);
    expect(await res.json()).toEqual({ ok: true });
    // A new database has no therapist accounts: the server says exactly how to create the first.
    await expect.poll(() => stdout).toContain('npm run therapist -- add');

    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 30_000);
});

describe('retention at start', () => {
  it('deletes the transcripts of chats that ended more than 24 hours ago as it starts, and logs only the count', async () => {
    const file = db();
    const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3600_000).toISOString();
    const store = openSqliteStore(file);
    for (const [id, ended] of [['old', 48], ['recent', 1]] as const) {
      await store.createConversation({ id, tokenHash: `hash-${id}`, shared: { flow: 'default' }, risk: 'none', now: hoursAgo(ended + 1) });
      await store.appendMessage({ conversationId: id, id: 'msg-00001', from: 'client', text: 'words that must not be printed', now: hoursAgo(ended + 1) });
      await store.end(id, hoursAgo(ended));
    }
    await store.close();

    const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
      cwd: repoRoot,
      env: { ...process.env, PORT: '0', SST_CONFIG: '', SST_DB: file },
    });
    let stdout = '';
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes('Retention: purged 1 ended chat older than 24 h.\n')) resolve();
      });
      void exited.then((code) => reject(new Error(`exited early with ${code}: ${stdout}`)));
    });
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stdout).not.toContain('words that must not be printed');

    const after = openSqliteStore(file);
    try {
      expect(await after.conversationById('old')).toBeNull();
      expect(await after.messagesAfter('old', 0)).toEqual([]);
      expect(await after.conversationById('recent')).not.toBeNull();
    } finally {
      await after.close();
    }
  }, 60_000);
});
