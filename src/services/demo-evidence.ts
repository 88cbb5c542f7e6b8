/**
 * First start of `truce serve`: an empty store gets the workspace's bundled evidence
 * (`<workspace>/evidence/*.jsonl`, and report texts `*.txt`), the outlet ratings of sources.yaml,
 * and findings for everything, so that the dashboard shows real data at once. A store that already
 * holds reports is never touched.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Adjudicator } from '../pipeline/adjudicate/index.js';
import { readReports } from '../pipeline/ingest/index.js';
import { createActorRegistry } from '../pipeline/resolve/actor-registry.js';
import type { ReportInput, Store } from '../store/store.js';
import type { Workspace } from '../workspace/index.js';
import { refreshStaleFindings } from './stored-findings.js';
import { agreementFor, claimInput } from './text-claims.js';
import { syncWorkspaceSources } from './workspace-sources.js';

export interface DemoLoad {
  files: string[];
  reports: number;
  claims: number;
  /** lines the readers refused, `file:line: message` */
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
    const file = join(dir, name);
    const batch: ReportInput[] = [];
    const claims: { claim: Parameters<typeof claimInput>[0]; line: number }[] = [];
    for await (const item of readReports(file, name.endsWith('.txt') ? 'text' : 'jsonl', {
      file: `evidence/${name}`,
      tz,
      registry,
    })) {
      if (item.kind === 'report') batch.push(item.report);
      else if (item.kind === 'claim') claims.push({ claim: item.claim, line: item.line });
      else out.problems.push(`evidence/${name}:${item.line}: ${item.message}`);
      if (batch.length >= 5000) {
        out.reports += (await store.addReports(batch.splice(0))).inserted;
      }
    }
    if (batch.length) out.reports += (await store.addReports(batch)).inserted;
    for (const { claim, line } of claims) {
      const agreement = agreementFor(claim, workspace.agreements);
      if (!agreement) continue;
      await store.addClaim(
        claimInput(claim, agreement, { reportKey: `evidence/${name}:${line}` }),
        'truce serve (demo evidence)',
      );
      out.claims++;
    }
  }
  const stats = await refreshStaleFindings(store, adjudicator);
  out.incidents = stats.incidents;
  out.findings = stats.findings;
  out.problems.push(...stats.skipped.map((s) => `adjudication skipped ${s}`));
  return out;
}
