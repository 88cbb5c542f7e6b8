/**
 * `truce adjudicate`, `obligations` and `compliance` as a user runs them (bin/truce.js): exit codes
 * 0/1/2, invalid lines reported as FILE:LINE: field: message with nothing printed, --skip-invalid,
 * stdin.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './fixture-harness.js';

const root = join(ROOT, '..', '..');
const ws = join(ROOT, 'workspaces', 'base');
const truce = (args: string[], input?: string) =>
  spawnSync(process.execPath, [join(root, 'bin', 'truce.js'), ...args], { cwd: root, encoding: 'utf8', input });

const good = JSON.stringify({
  id: 'g1',
  when: '2018-10-05T10:00+03:00',
  where: { lat: 35.85, lon: 36.5 },
  type: 'air_drone_strike',
  by: 'syrian-government',
  against: 'civilians',
});
const bad = JSON.stringify({ id: 'b1', when: '2018-10-05', where: { lat: 135, lon: 36.5 }, type: 'armed_clash' });

function file(lines: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'truce-adj-'));
  const path = join(dir, 'incidents.jsonl');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

describe('truce adjudicate', () => {
  it('prints one finding per line', () => {
    const r = truce(['adjudicate', ws, '--incidents', file([good])]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const findings = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      incident: 'g1',
      agreement: 'test-ceasefire',
      verdict: 'violation',
      rule: 'ceasefire',
      party: 'syrian-government',
      answerable: 'russia',
    });
  });

  it('reports an invalid line with its number and field, prints nothing and exits 1', () => {
    const path = file([good, '', bad]);
    const r = truce(['adjudicate', ws, '--incidents', path]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${path}:3: where.lat:`);
  });

  it('skips invalid lines with --skip-invalid', () => {
    const path = file([bad, good, '{not json']);
    const r = truce(['adjudicate', ws, '--incidents', path, '--skip-invalid']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`${path}:1: skipped: where.lat:`);
    expect(r.stderr).toContain(`${path}:3: skipped: not valid JSON`);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('reads stdin with -, and --all adds not_applicable findings', () => {
    const protest = JSON.stringify({
      id: 'n1',
      when: '2018-10-05',
      where: { lat: 35.85, lon: 36.5 },
      type: 'peaceful_protest',
    });
    const r = truce(['adjudicate', ws, '--incidents', '-', '--all'], `${good}\n${protest}\n`);
    expect(r.status).toBe(0);
    expect(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).verdict),
    ).toEqual(['not_applicable', 'violation']); // the day starts before 10:00
  });

  it('exits 2 on usage errors', () => {
    expect(truce(['adjudicate', ws]).status).toBe(2);
    expect(truce(['adjudicate', join(ws, 'nope'), '--incidents', file([good])]).status).toBe(2);
  });
});

describe('truce obligations and compliance', () => {
  it('prints obligation statuses at an instant', () => {
    const incidents = join(ROOT, 'obligations', 'sochi', 'incidents.jsonl');
    const r = truce([
      'obligations',
      join(ROOT, 'workspaces', 'obligations'),
      '--incidents',
      incidents,
      '--at',
      '2018-11-20T12:00Z',
      '--format',
      'json',
    ]);
    expect(r.status).toBe(0);
    const rows = JSON.parse(r.stdout) as { rule: string; status: string; evidence: string[] }[];
    expect(rows.find((x) => x.rule === 'radicals-out')).toMatchObject({ status: 'missed', evidence: ['o-hts-base'] });
  });

  it('prints a CSV compliance series', () => {
    const incidents = join(ROOT, 'compliance', 'phased-daily', 'incidents.jsonl');
    const r = truce([
      'compliance',
      join(ROOT, 'workspaces', 'phased'),
      '--incidents',
      incidents,
      '--by',
      'day',
      '--group',
      'party',
      '--format',
      'csv',
    ]);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\r\n');
    expect(lines[0]).toBe(
      'period,group,violations,undetermined,permitted,fatalities,violations_delta,undetermined_delta,permitted_delta,fatalities_delta',
    );
    expect(lines).toContain('2018-09-20,syrian-government,2,0,0,5,2,0,0,5');
    expect(
      truce([
        'compliance',
        join(ROOT, 'workspaces', 'phased'),
        '--incidents',
        incidents,
        '--by',
        'year',
        '--group',
        'party',
      ]).status,
    ).toBe(2);
  });
});
