/**
 * `truce serve` as a child process for the browser tests: the real command on a free port, over a
 * temporary SQLite store that the command fills with the built-in workspace's evidence on first
 * start. API tokens for each role are issued into that store before it starts (the command's own
 * `--create-token` does the same, one process per token).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { issueToken, ROLES, type Role } from '../../src/api/auth.js';
import { openStore } from '../../src/store/store.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface TruceServe {
  url: string;
  tokens: Record<Role, string>;
  /** what the command wrote on stderr (its log), for failure messages */
  log(): string;
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export async function startTruceServe(extraArgs: string[] = []): Promise<TruceServe> {
  const dir = mkdtempSync(join(tmpdir(), 'truce-serve-'));
  const database = join(dir, 'truce.sqlite');
  const store = await openStore({ url: database });
  const tokens = {} as Record<Role, string>;
  for (const role of ROLES) tokens[role] = (await issueToken(store.tokens, `e2e-${role}`, role)).token;
  await store.close();

  const port = await freePort();
  let log = '';
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'serve', '--database', database, '--port', String(port), '--public', ...extraArgs],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stderr?.on('data', (b: Buffer) => {
    log += b.toString();
  });
  child.stdout?.on('data', (b: Buffer) => {
    log += b.toString();
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`truce serve did not start in 240 s:\n${log.slice(-2000)}`)), 240_000);
    const check = () => {
      if (/"msg":"listening"/.test(log)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stderr?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`truce serve exited with ${code}:\n${log.slice(-2000)}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    tokens,
    log: () => log,
    async close() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
