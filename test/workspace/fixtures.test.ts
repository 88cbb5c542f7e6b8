/**
 * Fixture workspaces: every folder under valid/ loads without a problem; every folder under
 * invalid/ (one per kind of error) reports exactly the messages in its expected.txt (golden file;
 * regenerate with `REGEN=1 npx vitest run test/workspace`).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  formatProblem,
  hasErrors,
  loadWorkspace,
  loadWorkspaceOrThrow,
  PROBLEM_CODES,
  WorkspaceError,
  zoneGeometryKey,
} from '../../src/workspace/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const folders = (kind: string) =>
  readdirSync(join(here, kind), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();

describe('valid workspaces', () => {
  for (const name of folders('valid')) {
    it(`${name} loads without problems`, async () => {
      const { workspace, problems } = await loadWorkspace(join(here, 'valid', name));
      expect(problems.map(formatProblem)).toEqual([]);
      expect(workspace).not.toBeNull();
      expect(workspace!.actors.length).toBeGreaterThan(0);
      expect(workspace!.agreements.length).toBeGreaterThan(0);
    });
  }

  it('resolves file and polygon zones, base and amended, and leaves the other forms as specs', async () => {
    const ws = await loadWorkspaceOrThrow(join(here, 'valid', 'amended'));
    expect([...ws.zoneGeometries.keys()].sort()).toEqual([
      zoneGeometryKey('southwest-2017', 'buffer-zone', 0),
      zoneGeometryKey('southwest-2017', 'southwest'),
    ]);
    const sw = ws.zoneGeometries.get('southwest-2017/southwest')!;
    expect(sw.type).toBe('MultiPolygon');
    expect(sw.coordinates).toHaveLength(3); // a Polygon feature and a two-part MultiPolygon feature
    expect(ws.places.map((p) => p.name)).toEqual(['Nawa', 'Tafas']);
    expect(ws.agreementFiles.get('southwest-2017')).toBe('agreements/southwest-2017.yaml');
    const spec = ws.agreements[0].zones!['quneitra-line'];
    expect(spec).toEqual({
      buffer: {
        line: [
          [35.85, 33.0],
          [35.95, 33.2],
        ],
        width_km: [5, 8],
      },
    });
  });
});

describe('invalid workspaces (one folder per kind of error)', () => {
  const seen = new Set<string>();
  for (const name of folders('invalid')) {
    it(name, async () => {
      const dir = join(here, 'invalid', name);
      const { workspace, problems } = await loadWorkspace(dir);
      for (const p of problems) seen.add(p.code);
      const text = `${problems.map(formatProblem).join('\n')}\n`;
      const golden = join(dir, 'expected.txt');
      if (process.env.REGEN) writeFileSync(golden, text);
      expect(existsSync(golden), `${golden} is missing: run with REGEN=1`).toBe(true);
      expect(text).toBe(readFileSync(golden, 'utf8'));
      // every problem is located
      for (const p of problems) {
        expect(p.line).toBeGreaterThanOrEqual(1);
        expect(p.column).toBeGreaterThanOrEqual(1);
      }
      // a folder named after a problem code shows that code
      if ((PROBLEM_CODES as readonly string[]).includes(name)) expect(problems.some((p) => p.code === name)).toBe(true);
      expect(workspace === null).toBe(hasErrors(problems));
      if (hasErrors(problems)) await expect(loadWorkspaceOrThrow(dir)).rejects.toBeInstanceOf(WorkspaceError);
    });
  }
  it('together the fixtures exercise every problem code', () => {
    expect(PROBLEM_CODES.filter((c) => !seen.has(c))).toEqual([]);
  });
});
