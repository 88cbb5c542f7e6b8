/**
 * Shared by the adjudication fixture tests. A case folder holds `case.json` ({workspace, about}),
 * `incidents.jsonl` (each incident may carry `expect`: {agreementId: verdict | {verdict, rule,
 * party, answerable}}) and a golden file of the complete output; `REGEN=1` rewrites golden files.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Finding } from '../../src/domain/finding.js';
import type { Adjudicator, IncidentColumns } from '../../src/pipeline/adjudicate/index.js';
import { adjudicatorFor } from '../../src/services/compliance-workspace.js';
import { loadWorkspaceOrThrow, type Workspace } from '../../src/workspace/load-workspace.js';

export const ROOT = new URL('.', import.meta.url).pathname;
export const REGEN = process.env.REGEN === '1';

export interface Case {
  name: string;
  dir: string;
  workspace: string;
  about: string;
}

export function casesIn(folder: string): Case[] {
  const base = join(ROOT, folder);
  if (!existsSync(base)) return [];
  return readdirSync(base)
    .filter((n) => statSync(join(base, n)).isDirectory())
    .sort()
    .map((n) => {
      const meta = JSON.parse(readFileSync(join(base, n, 'case.json'), 'utf8')) as { workspace: string; about: string };
      return { name: `${folder}/${n}`, dir: join(base, n), workspace: meta.workspace, about: meta.about };
    });
}

const workspaces = new Map<string, Promise<Workspace>>();
export function workspace(name: string): Promise<Workspace> {
  let w = workspaces.get(name);
  if (!w) {
    w = loadWorkspaceOrThrow(join(ROOT, 'workspaces', name));
    workspaces.set(name, w);
  }
  return w;
}

export async function adjudicatorOf(name: string): Promise<Adjudicator> {
  return adjudicatorFor(await workspace(name));
}

export function incidentLines(dir: string, file = 'incidents.jsonl'): string[] {
  return readFileSync(join(dir, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
}

export function columnsOf(adj: Adjudicator, lines: string[]): IncidentColumns {
  const cols = adj.newColumns();
  lines.forEach((l, k) => {
    const problem = cols.addLine(l, k + 1);
    expect(problem, `line ${k + 1}`).toBeNull();
  });
  return cols;
}

type Expectation =
  | string
  | { verdict: string; rule?: string | null; party?: string | null; answerable?: string | null };

/** Checks each incident's `expect` against the findings; returns the number of checks. */
export function checkExpectations(lines: string[], findings: Finding[]): number {
  let checks = 0;
  for (const line of lines) {
    const inc = JSON.parse(line) as { id: string; expect?: Record<string, Expectation> };
    for (const [agreement, want] of Object.entries(inc.expect ?? {})) {
      const f = findings.find((x) => x.incident === inc.id && x.agreement === agreement);
      expect(f, `finding for ${inc.id} x ${agreement}`).toBeDefined();
      const w = typeof want === 'string' ? { verdict: want } : want;
      const label = `${inc.id} x ${agreement}: ${JSON.stringify(f?.reasons)}`;
      expect(f!.verdict, label).toBe(w.verdict);
      for (const key of ['rule', 'party', 'answerable'] as const) {
        if (key in w) expect(f![key], `${label} (${key})`).toBe(w[key]);
      }
      checks++;
    }
  }
  return checks;
}

/** Compares `actual` with the golden file, or writes it with REGEN=1. */
export function golden(dir: string, file: string, actual: string): void {
  const path = join(dir, file);
  if (REGEN || !existsSync(path)) {
    writeFileSync(path, actual);
    if (!REGEN) throw new Error(`golden file ${path} was missing and has been written: review it and rerun`);
    return;
  }
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

export const jsonLines = (rows: unknown[]) => rows.map((r) => `${JSON.stringify(r)}\n`).join('');
