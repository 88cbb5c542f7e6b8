/** `truce extract` through the CLI entry point: output lines, table format, exit codes. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/main.js';

const dir = mkdtempSync(join(tmpdir(), 'truce-extract-'));
const report = join(dir, 'report.txt');
writeFileSync(report, 'Russian warplanes struck Saraqib in Idlib province on Tuesday, killing 12 civilians, a monitor said.\n');
const binary = join(dir, 'image.txt');
writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]));

async function cli(args: string[]) {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
    out += String(s);
    return true;
  });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
    err += String(s);
    return true;
  });
  process.exitCode = undefined;
  try {
    const code = await run(args);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
    process.exitCode = undefined;
  }
}

describe('truce extract', () => {
  afterEach(() => vi.restoreAllMocks());

  it('prints one JSON line per incident and claim, each naming its report and kind', async () => {
    const { code, out } = await cli(['extract', report, '--published', '2016-11-17', '--source', 'wire']);
    expect(code).toBe(0);
    const lines = out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.kind)).toEqual(['incident', 'claim']);
    expect(lines.every((l) => l.report === report)).toBe(true);
    expect(lines[0]).toMatchObject({ when: '2016-11-15', type: 'air_drone_strike', by: 'russia', fatalities: { total: 12 }, sources: [{ outlet: 'wire' }] });
  });

  it('prints a table', async () => {
    const { code, out } = await cli(['extract', report, '--published', '2016-11-17', '--format', 'table']);
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toMatch(/^report\s+kind\s+id/);
  });

  it('skips a bad file with a message and exit 1, after the good ones', async () => {
    const { code, out, err } = await cli(['extract', binary, report, join(dir, 'missing.txt'), '--published', '2016-11-17']);
    expect(code).toBe(1);
    expect(err).toMatch(/image\.txt: binary file/);
    expect(err).toMatch(/missing\.txt: no such file/);
    expect(out).toMatch(/"kind":"incident"/);
  });

  it('is a usage error (2) to give a bad --published or --format', async () => {
    expect((await cli(['extract', report, '--published', 'yesterday'])).code).toBe(2);
    expect((await cli(['extract', report, '--format', 'xml'])).code).toBe(2);
  });
});
