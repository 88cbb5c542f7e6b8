/**
 * Keeps the stored findings in step with the evidence: incidents the store marked stale (new or
 * grown by a report) are adjudicated in batches and their findings replaced (analysts' overrides
 * are kept by the store). Used by `truce serve` after a submission and after loading demo data.
 */
import type { Incident } from '../domain/incident.js';
import type { Adjudicator } from '../pipeline/adjudicate/index.js';
import type { Store } from '../store/store.js';

export interface RefreshStats {
  incidents: number;
  findings: number;
  /** incidents adjudication could not read (`id: problem`); their findings are cleared */
  skipped: string[];
}

/** Adjudicates every stale incident (all verdicts, not_applicable included: one per agreement). */
export async function refreshStaleFindings(
  store: Store,
  adjudicator: Adjudicator,
  batch = 5000,
): Promise<RefreshStats> {
  const stats: RefreshStats = { incidents: 0, findings: 0, skipped: [] };
  let previousFirst: string | undefined;
  for (;;) {
    const rows = await store.listStaleIncidents(batch);
    if (rows.length === 0) break;
    // replaceFindings clears the stale flag; a batch that comes back unchanged would loop forever
    if (rows[0].id === previousFirst) throw new Error(`incident ${rows[0].id} stays stale after adjudication`);
    previousFirst = rows[0].id;
    // one unreadable incident must not hold back the others: add them one by one, skip the bad
    const cols = adjudicator.newColumns();
    rows.forEach((r, i) => {
      const problem = cols.add(r.incident as Incident, i + 1);
      if (problem) stats.skipped.push(`${r.id}: ${problem}`);
    });
    const findings = adjudicator.adjudicate(cols, { all: true });
    await store.replaceFindings(
      rows.map((r) => r.id),
      findings,
    );
    stats.incidents += rows.length;
    stats.findings += findings.length;
  }
  return stats;
}
