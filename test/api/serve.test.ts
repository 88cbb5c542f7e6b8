/**
 * `truce serve` as a user runs it: a child process on a fixture workspace with bundled evidence,
 * first start loads the evidence, tokens from --create-token work, SIGTERM shuts down cleanly.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readServeConfig } from '../../src/cli/commands/serve.js';
import { FIXTURE_WS } from './harness.js';

const bin = fileURLToPath(new URL('../../bin/truce.js', import.meta.url));
let dir: string;
let ws: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'truce-serve-'));
  ws = join(dir, 'ws');
  cpSync(FIXTURE_WS, ws, { recursive: true });
  mkdirSync(join(ws, 'evidence'));
  writeFileSync(
    join(ws, 'evidence', 'demo.jsonl'),
    [
      {
        id: 'd-1',
        when: '2018-10-20T10:00+03:00',
        where: { lat: 35.8, lon: 36.6, precision_km: 1, name: 'Saraqib' },
        type: 'shelling_artillery_missile_attack',
        by: 'syrian-government',
        against: 'civilians',
        sources: [{ outlet: 'SOHR' }],
      },
      {
        id: 'd-2',
        when: '2018-10-21',
        where: { lat: 33.5, lon: 36.3 },
        type: 'armed_clash',
        by: 'opposition-front',
        against: 'islamic-state',
      },
    ]
      .map((o) => JSON.stringify(o))
      .join('\n'),
  );
  writeFileSync(join(ws, 'truce.yaml'), 'public_read: true\ntile_url: "https://tiles.example.org/{z}/{x}/{y}.png"\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function start(
  args: string[],
  opts: { sources?: boolean; listening?: number } = {},
): Promise<{ child: ChildProcess; port: number; out: () => string }> {
  // `sources`: run src/ through tsx (bin/truce.js prefers dist/, which may predate the sources)
  const cli = opts.sources
    ? ['--import', 'tsx', fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url))]
    : [bin];
  const child = spawn(process.execPath, [...cli, 'serve', ws, '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "listening" line:\n${out}`)), 90_000);
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /"url":"http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (m && out.split('"msg":"listening"').length > (opts.listening ?? 1)) {
        clearTimeout(timer);
        resolve({ child, port: Number(m[1]), out: () => out });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`exited ${code}:\n${out}`)));
  });
}

describe('truce serve', () => {
  it('refuses a config file with unknown or mistyped keys, naming them', () => {
    const f = join(dir, 'bad.yaml');
    writeFileSync(f, 'public_read: "yes"\nprot: 80\n');
    expect(() => readServeConfig(f)).toThrow(/public_read[\s\S]*prot|prot[\s\S]*public_read/);
  });

  it('creates a token with --create-token and exits', () => {
    const db = join(dir, 'tokens.sqlite');
    const r = spawnSync(
      process.execPath,
      [bin, 'serve', ws, '--database', db, '--create-token', 'analyst', '--token-name', 'Alice', '--no-demo'],
      { encoding: 'utf8' },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim()).toMatch(/^truce_[A-Za-z0-9_-]{43}$/);
    expect(r.stderr).toContain('created analyst token');
  });

  it('serves API and dashboard, loads the evidence on first start, and stops on SIGTERM', async () => {
    const { child, port, out } = await start(['--print-admin-token']);
    // no --database: the store is created next to the workspace
    expect(out()).toContain(join(ws, '.truce', 'truce.sqlite'));
    try {
      const base = `http://127.0.0.1:${port}`;
      const about = await (await fetch(`${base}/api/v1`)).json();
      expect(about).toMatchObject({
        public_read: true,
        map: { tile_url: 'https://tiles.example.org/{z}/{x}/{y}.png' },
      });
      const incidents = await (await fetch(`${base}/api/v1/incidents`)).json();
      expect(incidents.items.map((i: { id: string }) => i.id)).toEqual(['d-2', 'd-1']);
      expect(incidents.items[1].verdict).toBe('violation');
      const token = /truce_[A-Za-z0-9_-]{43}/.exec(out())![0];
      const tokens = await fetch(`${base}/api/v1/tokens`, { headers: { authorization: `Bearer ${token}` } });
      expect(tokens.status).toBe(200);
      expect((await fetch(`${base}/openapi.json`)).status).toBe(200);
    } finally {
      const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
    expect(out()).toContain('stopped');
  });

  it('serves with --workers 2 on one port and stops them all on SIGTERM', async () => {
    const db = join(dir, 'workers.sqlite');
    const { child, port, out } = await start(['--workers', '2', '--database', db], { sources: true, listening: 2 });
    try {
      const pages = await Promise.all(
        Array.from({ length: 6 }, () => fetch(`http://127.0.0.1:${port}/api/v1/incidents`).then((r) => r.json())),
      );
      for (const p of pages) expect(p.items.map((i: { id: string }) => i.id)).toEqual(['d-2', 'd-1']);
      expect(out()).toMatch(/"worker":1/);
      expect(out()).toMatch(/"worker":2/);
    } finally {
      const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
    expect(out().split('"msg":"stopped"').length - 1).toBe(3);
  }, 120_000);
});
