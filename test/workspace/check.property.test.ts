/**
 * Property: whatever text is in a workspace's YAML files, `truce check` never throws, never hangs,
 * and exits 0 or 1; when it exits 1 it names at least one file with a line >= 1.
 * Inputs: random strings, random YAML-ish documents, and mutations of a valid agreement and
 * actors.yaml (deleted lines, swapped characters, random keys and values spliced in).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkCommand } from '../../src/cli/commands/check.js';
import type { Problem } from '../../src/workspace/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const validDir = join(here, 'valid', 'spec-example');
const agreementText = readFileSync(join(validDir, 'agreements', 'idlib-2018-sochi.yaml'), 'utf8');
const actorsText = readFileSync(join(validDir, 'actors.yaml'), 'utf8');
const zoneFile = 'zones/idlib-deescalation-area.geojson';
const zoneText = readFileSync(join(validDir, zoneFile), 'utf8');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'truce-prop-'));
  cpSync(validDir, dir, { recursive: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Write the files, run the command in process, return exit code and parsed JSON output. */
async function check(files: Record<string, string>): Promise<{ code: number; problems: Problem[] }> {
  for (const [rel, text] of Object.entries(files)) writeFileSync(join(dir, rel), text);
  let stdout = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  try {
    const code = await checkCommand(dir, 'json');
    return { code, problems: (JSON.parse(stdout) as { problems: Problem[] }).problems };
  } finally {
    spy.mockRestore();
    for (const rel of Object.keys(files)) {
      writeFileSync(join(dir, rel), readFileSync(join(validDir, rel), 'utf8'));
    }
  }
}

function assertContract({ code, problems }: { code: number; problems: Problem[] }): void {
  expect([0, 1]).toContain(code);
  if (code === 1) {
    const located = problems.filter((p) => p.severity === 'error' && p.file.length > 0 && p.line >= 1 && p.column >= 1);
    expect(located.length).toBeGreaterThan(0);
  }
}

const lines = (s: string) => s.split('\n');
const KEYS = [
  'id',
  'kind',
  'where',
  'from',
  'until',
  'by',
  'on',
  'yes',
  'zones',
  'rules',
  'polygon',
  'buffer',
  'width_km',
  'file',
  'tz',
  '<<',
  '&a',
  '*a',
  '? x',
];
const VALUES = [
  '',
  '~',
  'null',
  '[]',
  '{}',
  '-1',
  '0',
  '1e999',
  '2018-02-30',
  '2016',
  '"x"',
  'Asia/Nowhere',
  '[[1,2]]',
  '[[[0,0],[1,1],[1,0],[0,1],[0,0]]]',
  '*a',
  '&a x',
  '|',
  '>-',
  '"unterminated',
  "'",
  '#',
  ': :',
  '- - -',
  '\t',
];

/** A mutation of `text`: delete, duplicate or swap lines, swap characters, splice in a key/value. */
const mutation = (text: string) =>
  fc
    .array(
      fc.oneof(
        fc.record({ op: fc.constant('delete-line' as const), at: fc.nat() }),
        fc.record({ op: fc.constant('duplicate-line' as const), at: fc.nat() }),
        fc.record({ op: fc.constant('swap-chars' as const), at: fc.nat() }),
        fc.record({ op: fc.constant('delete-char' as const), at: fc.nat() }),
        fc.record({
          op: fc.constant('insert' as const),
          at: fc.nat(),
          indent: fc.integer({ min: 0, max: 6 }),
          key: fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 8 })),
          value: fc.oneof(fc.constantFrom(...VALUES), fc.string({ maxLength: 12 })),
        }),
        fc.record({ op: fc.constant('replace-value' as const), at: fc.nat(), value: fc.constantFrom(...VALUES) }),
      ),
      { minLength: 1, maxLength: 5 },
    )
    .map((ops) => {
      let ls = lines(text);
      for (const m of ops) {
        const i = m.at % Math.max(1, ls.length);
        const line = ls[i] ?? '';
        switch (m.op) {
          case 'delete-line':
            ls = [...ls.slice(0, i), ...ls.slice(i + 1)];
            break;
          case 'duplicate-line':
            ls = [...ls.slice(0, i), line, ...ls.slice(i)];
            break;
          case 'swap-chars': {
            const j = m.at % Math.max(1, line.length - 1);
            ls[i] = line.slice(0, j) + line.charAt(j + 1) + line.charAt(j) + line.slice(j + 2);
            break;
          }
          case 'delete-char': {
            const j = m.at % Math.max(1, line.length);
            ls[i] = line.slice(0, j) + line.slice(j + 1);
            break;
          }
          case 'insert':
            ls = [...ls.slice(0, i), `${' '.repeat(m.indent)}${m.key}: ${m.value}`, ...ls.slice(i)];
            break;
          case 'replace-value': {
            const colon = line.indexOf(': ');
            ls[i] = colon >= 0 ? `${line.slice(0, colon + 2)}${m.value}` : `${line}${m.value}`;
            break;
          }
        }
      }
      return ls.join('\n');
    });

const randomYaml = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 100 }),
  fc
    .array(
      fc.tuple(
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom('- ', '', '? '),
        fc.constantFrom(...KEYS),
        fc.constantFrom(...VALUES),
      ),
      {
        maxLength: 25,
      },
    )
    .map((rows) => rows.map(([ind, dash, k, v]) => `${'  '.repeat(ind)}${dash}${k}: ${v}`).join('\n')),
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
);

// bounded sizes and a per-run time limit: a hang fails the property instead of the suite
const params = { numRuns: 120, timeout: 10_000 };

describe('truce check on mutated and random YAML', () => {
  it('mutated agreement: never throws, exits 0 or 1, located messages on 1', async () => {
    await fc.assert(
      fc.asyncProperty(mutation(agreementText), async (text) => {
        assertContract(await check({ 'agreements/idlib-2018-sochi.yaml': text }));
      }),
      params,
    );
  });

  it('mutated actors.yaml', async () => {
    await fc.assert(
      fc.asyncProperty(mutation(actorsText), async (text) => {
        assertContract(await check({ 'actors.yaml': text }));
      }),
      params,
    );
  });

  it('mutated GeoJSON zone file', async () => {
    await fc.assert(
      fc.asyncProperty(mutation(zoneText), async (text) => {
        assertContract(await check({ [zoneFile]: text }));
      }),
      params,
    );
  });

  it('random text as agreement and actors', async () => {
    await fc.assert(
      fc.asyncProperty(randomYaml, randomYaml, async (a, b) => {
        const r = await check({ 'agreements/idlib-2018-sochi.yaml': a, 'actors.yaml': b });
        assertContract(r);
        // random text is never a valid agreement: it must be rejected
        expect(r.code).toBe(1);
      }),
      params,
    );
  });

  it('the unmutated fixture is valid (the properties start from a valid workspace)', async () => {
    expect((await check({})).code).toBe(0);
  });
});
