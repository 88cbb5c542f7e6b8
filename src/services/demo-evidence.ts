/**
 * First start of `truce serve`: an empty store gets the workspace's bundled evidence
 * (`<workspace>/evidence/*.jsonl` and report texts `*.txt`, through `truce ingest`'s use case),
 * the outlet ratings of sources.yaml, and findings for everything, so that the dashboard shows real
 * data at once. A store that already holds reports is never touched.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Adjudicator } from '../pipeline/adjudicate/index.js';
import { createActorRegistry } from '../pipeline/resolve/actor-registry.js';
import type { Store } from '../store/store.js';
import type { Workspace } from '../workspace/index.js';
import { ingestFile } from './ingest-files.js';
import { refreshStaleFindings } from './stored-findings.js';
import { syncWorkspaceSources } from './workspace-sources.js';

export interface DemoLoad {
  files: string[];
  reports: number;
  claims: number;
  /** rows the readers refused, `file:line: message` (the first ones) */
  problems: string[];
  incidents: number;
  findings: number;
}

export async function loadDemoEvidence(
  store: Store,
  workspace: Workspace,
  adjudicator: Adjudicator,
): Promise<DemoLoad | null> {
  if ((await store.stats()).reports > 0) return null;
  const dir = join(workspace.dir, 'evidence');
  const names = (await readdir(dir).catch(() => [] as string[])).filter((f) => /\.(jsonl|txt)$/.test(f)).sort();
  const out: DemoLoad = { files: names, reports: 0, claims: 0, problems: [], incidents: 0, findings: 0 };
  if (workspace.sources !== undefined) await syncWorkspaceSources(store, workspace.sources);
  const registry = createActorRegistry(workspace.actors);
  const tz = workspace.agreements[0]?.tz ?? 'UTC';
  for (const name of names) {
    const s = await ingestFile(store, join(dir, name), {
      tz,
      registry,
      agreements: workspace.agreements,
      actor: 'truce serve (demo evidence)',
    });
    out.reports += s.inserted;
    out.claims += s.claims;
    out.problems.push(...s.errors.map((e) => `evidence/${name}:${e.line}: ${e.message}`));
  }
  const stats = await refreshStaleFindings(store, adjudicator);
  out.incidents = stats.incidents;
  out.findings = stats.findings;
  out.problems.push(...stats.skipped.map((s) => `adjudication skipped ${s}`));
  return out;
}
