/**
 * `truce check` and `truce schema` end to end: the real executable for exit codes (0 clean,
 * 1 invalid, 2 usage), and in-process runs for the JSON output and the schema files.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/main.js';
import type { Problem } from '../../src/workspace/index.js';
import { jsonSchemas } from '../../src/workspace/json-schemas.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

function truce(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'truce.js'), ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Run the CLI in this process, capturing stdout and stderr. */
async function runInProcess(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await run(args);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

afterEach(() => {
  process.exitCode = undefined;
});

describe('truce check (executable)', () => {
  it('exits 0 on a valid workspace and prints a summary', () => {
    const r = truce('check', 'test/workspace/valid/spec-example');
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('test/workspace/valid/spec-example: ok, 9 actors, 1 agreement, 0 warnings');
  });

  it('exits 1 on an invalid workspace, with located messages sorted by file and line', () => {
    const r = truce('check', 'test/workspace/invalid/unknown-actor');
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe(
      'actors.yaml:19:21: error [unknown-actor] [5].member_of[0].id: unknown actor `oposition-front`; did you mean `opposition-front`?',
    );
    expect(lines.at(-1)).toBe('test/workspace/invalid/unknown-actor: 12 errors, 0 warnings');
  });

  it('exits 2 when the folder does not exist or the format is unknown', () => {
    const missing = truce('check', 'test/workspace/no-such-folder');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('is not a folder');
    expect(truce('check', 'test/workspace/valid/spec-example', '--format', 'xml').code).toBe(2);
    expect(truce('check', 'package.json').code).toBe(2);
  });
});

describe('truce check (in process)', () => {
  it('--format json gives the same problems as the loader, machine-readably', async () => {
    const r = await runInProcess('check', join(here, 'invalid', 'lat-lon-swapped'), '--format', 'json');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { valid: boolean; errors: number; warnings: number; problems: Problem[] };
    expect(out.valid).toBe(false);
    expect(out.errors).toBe(4);
    expect(out.problems[0]).toEqual({
      file: 'agreements/lat-lon-swapped.yaml',
      line: 8,
      column: 23,
      field: 'zones.idlib.polygon[0][0]',
      code: 'lat-lon-swapped',
      message:
        'positions look like [lat, lon]: [35.9, 36.6] is outside SY but [36.6, 35.9] is inside; GeoJSON order is [lon, lat]',
      severity: 'error',
    });
  });

  it('with no folder, checks the built-in Syria workspace, which is valid', async () => {
    const r = await runInProcess('check');
    expect(r.stdout).toMatch(/syria: ok, \d+ actors, \d+ agreements, 0 warnings\n$/);
    expect(r.code).toBe(0);
  });

  it('warnings alone exit 0', async () => {
    const r = await runInProcess('check', join(here, 'invalid', 'id-file-mismatch'), '--format', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ valid: true, errors: 0, warnings: 1 });
  });
});

describe('truce schema', () => {
  it('writes the JSON Schemas, identical to the committed ones in schemas/', async () => {
    const out = mkdtempSync(join(tmpdir(), 'truce-schema-'));
    try {
      const r = await runInProcess('schema', '--out', out);
      expect(r.code).toBe(0);
      const files = readdirSync(out).sort();
      expect(files).toEqual([
        'actors.schema.json',
        'agreement.schema.json',
        'incident.schema.json',
        'places.schema.json',
      ]);
      for (const f of files) {
        expect(readFileSync(join(out, f), 'utf8'), `schemas/${f} is stale: run \`npx truce schema\``).toBe(
          readFileSync(join(root, 'schemas', f), 'utf8'),
        );
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('describes times as a pattern and rejects unknown fields', () => {
    const agreement = jsonSchemas()['agreement.schema.json'] as {
      $schema: string;
      additionalProperties: boolean;
      properties: Record<string, { type?: string; pattern?: string }>;
    };
    expect(agreement.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(agreement.additionalProperties).toBe(false);
    const re = new RegExp(agreement.properties.signed.pattern!);
    expect(['2018-09-17', '2018-09', '2018', '2018-09-17T00:00:00+03:00'].every((s) => re.test(s))).toBe(true);
    expect(re.test('17/09/2018')).toBe(false);
  });
});
