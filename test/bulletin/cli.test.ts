/**
 * `truce bulletin` end to end from a data file: every format, the files written beside a Markdown
 * bulletin, PDF through Chromium (skipped with a message when it is not installed) and the errors.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bulletinCommand } from '../../src/cli/commands/bulletin.js';

const fixture = fileURLToPath(new URL('./in/idlib-2018-10-11.json', import.meta.url));
const golden = (ext: string) => readFileSync(fileURLToPath(new URL(`./out/idlib-2018-10-11.${ext}`, import.meta.url)), 'utf8');
const hasChromium = existsSync('/usr/bin/chromium');

describe('truce bulletin --data', () => {
  const out = mkdtempSync(join(tmpdir(), 'truce-bulletin-test-'));
  afterEach(() => {
    vi.restoreAllMocks();
    delete process.env.TRUCE_CHROMIUM;
  });

  it('writes the HTML bulletin, the same as the golden file', async () => {
    const file = join(out, 'b.html');
    expect(await bulletinCommand(undefined, { date: '2018-10-11', data: fixture, out: file })).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(golden('html'));
  });

  it('writes Markdown with the map and the chart as SVG files beside it', async () => {
    const file = join(out, 'daily.md');
    expect(await bulletinCommand(undefined, { date: '2018-10-11', data: fixture, out: file })).toBe(0);
    const md = readFileSync(file, 'utf8');
    expect(md).toContain('![Map of the day\'s incidents](./daily.map.svg)');
    expect(md).toContain('![Violations per party](./daily.chart.svg)');
    expect(readFileSync(join(out, 'daily.map.svg'), 'utf8')).toMatch(/^<svg[^>]+>/);
    expect(readFileSync(join(out, 'daily.chart.svg'), 'utf8')).toContain('National Front for Liberation');
  });

  it.skipIf(!hasChromium)('prints a PDF through Chromium', async () => {
    const file = join(out, 'daily.pdf');
    expect(await bulletinCommand(undefined, { date: '2018-10-11', data: fixture, out: file })).toBe(0);
    const pdf = readFileSync(file);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
  });
  if (!hasChromium) console.warn('SKIPPED: PDF bulletin test needs /usr/bin/chromium (apt-get install -y chromium)');

  it('fails clearly when Chromium is missing', async () => {
    process.env.TRUCE_CHROMIUM = join(out, 'no-such-chromium');
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await bulletinCommand(undefined, { date: '2018-10-11', data: fixture, out: join(out, 'x.pdf') })).toBe(1);
    expect(String(err.mock.calls[0][0])).toMatch(/PDF output needs Chromium at .*no-such-chromium/);
  });

  it('rejects a bad date and a PDF to stdout as usage errors, a bad data file as invalid input', async () => {
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await bulletinCommand(undefined, { date: '11/10/2018', data: fixture })).toBe(2);
    expect(await bulletinCommand(undefined, { date: '2018-10-11', data: fixture, format: 'pdf' })).toBe(2);
    expect(await bulletinCommand(undefined, { date: '2018-10-11', data: join(out, 'missing.json') })).toBe(1);
    expect(err.mock.calls.map((c) => String(c[0])).join('')).toMatch(/--date must be a day[\s\S]*needs --out[\s\S]*missing\.json/);
  });
});
