/**
 * Seeded synthetic archive for `npm run bench -- api`: N incidents over Syria, 2016-2020, each with
 * a finding for two agreements of the built-in Syria workspace, written through the store's bulk
 * write path (`addReports`: multi-row prepared inserts on SQLite, COPY on PostgreSQL) and
 * `replaceFindings`. Deterministic: mulberry32 with a fixed seed, so every run and both dialects
 * hold the same rows.
 */
import { sql } from 'kysely';
import type { Verdict } from '../src/domain/finding.js';
import type { FindingsTable } from '../src/store/schema.js';
import type { ReportInput, Store } from '../src/store/store.js';
import { rebuildVerdictReadModels } from '../src/store/verdict-rollups.js';
import { mulberry32 } from './adjudicate.lib.js';

const DAY = 86_400_000;
const START = Date.UTC(2016, 0, 1);
const SPAN_DAYS = 5 * 365;
const ACTORS = [
  'syrian-government',
  'russia',
  'hayat-tahrir-al-sham',
  'national-front-for-liberation',
  'islamic-state',
  'turkey',
  'syrian-democratic-forces',
  'iran',
];
const TYPES = [
  'air_drone_strike',
  'shelling_artillery_missile_attack',
  'armed_clash',
  'remote_explosive_landmine_ied',
  'attack',
  'arrests',
];
const PLACES = [
  'Idlib',
  'Saraqib',
  'Maarat al-Numan',
  'Khan Shaykhun',
  'Jisr al-Shughur',
  'Ariha',
  'Aleppo',
  'Hama',
  'Latakia',
  'Daraa',
];
export const BENCH_AGREEMENTS = ['idlib-2018-sochi', 'syria-2017-05-astana-deescalation'] as const;
const GUARANTOR: Record<string, string | null> = {
  'syrian-government': 'russia',
  'national-front-for-liberation': 'turkey',
};

function verdictOf(r: number): Verdict {
  return r < 0.3 ? 'violation' : r < 0.4 ? 'permitted' : r < 0.55 ? 'undetermined' : 'not_applicable';
}

export interface SeedResult {
  incidents: number;
  findings: number;
  ms: number;
  /** a sample of incident ids for the incident-page benchmark */
  sampleIds: string[];
}

/**
 * Seeds reports until the store holds at least `n` incidents: the store clusters reports of the
 * same event into one incident (same day, within 2 km, compatible type and actors), so a few
 * percent more reports than incidents are needed.
 */
export async function seedArchive(
  store: Store,
  n: number,
  onProgress?: (incidents: number) => void,
): Promise<SeedResult> {
  const t0 = performance.now();
  const rand = mulberry32(20181017);
  let findings = 0;
  let incidents = 0;
  let k = 0;
  const sampleIds: string[] = [];
  // PostgreSQL: the read models of migration 0004 are rebuilt once at the end instead of by the
  // row trigger for each of the 2N findings (which also wrote a new incidents row version each
  // time: a seed 3x slower). SQLite keeps its triggers (no way to disable them; ~40 us a finding).
  const pg = store.dialect === 'postgres';
  if (pg) await sql`ALTER TABLE findings DISABLE TRIGGER findings_rollup`.execute(store.db);
  try {
    while (incidents < n) {
      const size = Math.min(20_000, Math.ceil((n - incidents) * 1.02) + 10);
      const reports: ReportInput[] = [];
      for (let i = 0; i < size; i++, k++) {
        // incidents sorted by time, ~550 a day; place jitter keeps them from clustering together
        const t = START + Math.floor(((k % n) / n) * SPAN_DAYS * DAY) + Math.floor(rand() * 3_600_000);
        // 60% in the Idlib area (the dashboard's usual view), the rest anywhere in Syria
        const idlib = rand() < 0.6;
        const lat = idlib ? 35.3 + rand() * 1.1 : 32.4 + rand() * 4.8;
        const lon = idlib ? 36.0 + rand() * 1.2 : 35.8 + rand() * 6.4;
        const by = ACTORS[Math.floor(rand() * ACTORS.length)];
        reports.push({
          format: 'jsonl',
          external_id: `b${k}`,
          sources: [rand() < 0.5 ? 'SOHR' : 'SNHR'],
          when: new Date(t).toISOString(),
          t_start: t,
          t_end: t + 60_000,
          lat: Math.round(lat * 1e5) / 1e5,
          lon: Math.round(lon * 1e5) / 1e5,
          precision_km: 1,
          // a place name shared by two same-day reports would make them one event: the names here are unique
          place: `${PLACES[Math.floor(rand() * PLACES.length)]} sector ${k}`,
          type: TYPES[Math.floor(rand() * TYPES.length)],
          by,
          against: rand() < 0.6 ? 'civilians' : ACTORS[Math.floor(rand() * ACTORS.length)],
          fatalities: Math.floor(rand() * 6),
          description: `synthetic incident ${k}`,
          payload: { id: `b${k}` },
        });
      }
      const added = await store.addReports(reports);
      const starts = new Map<string, number>();
      for (let i = 0; i < added.reportIds.length; i += 900) {
        const rows = await store.db
          .selectFrom('incidents')
          .innerJoin('reports', 'reports.incident_id', 'incidents.id')
          .select(['incidents.id', 'incidents.t_start'])
          .where('reports.id', 'in', added.reportIds.slice(i, i + 900))
          .execute();
        for (const r of rows) starts.set(r.id, Number(r.t_start));
      }
      // findings go straight into the table in multi-row inserts: replaceFindings (delete, keep
      // overrides, insert) is the right path for recomputation but does needless work on a fresh archive
      const rows: FindingsTable[] = [];
      const now = Date.now();
      for (const [id, t] of starts) {
        for (const agreement of BENCH_AGREEMENTS) {
          const verdict = verdictOf(rand());
          const party = verdict === 'not_applicable' ? null : ACTORS[Math.floor(rand() * 4)];
          rows.push({
            incident_id: id,
            agreement_id: agreement,
            verdict,
            rule: verdict === 'not_applicable' ? null : 'ceasefire',
            clause: null,
            party,
            answerable: party ? (GUARANTOR[party] ?? null) : null,
            reasons: '["synthetic"]',
            sources: '[]',
            t_start: t,
            computed_at: now,
            override_verdict: null,
            override_justification: null,
            override_by: null,
            override_at: null,
          });
        }
        if (sampleIds.length < 10_000 && rand() < 0.02) sampleIds.push(id);
      }
      await store.db.transaction().execute(async (trx) => {
        for (let i = 0; i < rows.length; i += 1000)
          await trx
            .insertInto('findings')
            .values(rows.slice(i, i + 1000))
            .onConflict((oc) => oc.doNothing())
            .execute();
      });
      await store.db.updateTable('incidents').set({ stale: 0 }).where('stale', '=', 1).execute();
      findings += rows.length;
      incidents += added.incidentsCreated;
      onProgress?.(incidents);
    }
  } finally {
    if (pg) {
      await rebuildVerdictReadModels(store.db as never, 'postgres');
      await sql`ALTER TABLE findings ENABLE TRIGGER findings_rollup`.execute(store.db);
    }
  }
  // planner statistics: without them PostgreSQL guesses a few hundred rows per table after a bulk
  // load and picks a hash semi-join over all findings for the list (50 s instead of milliseconds)
  // PostgreSQL: VACUUM too, which sets the visibility map, so that the covering indexes (migration
  // 0003) give index-only scans instead of bitmap heap scans on a freshly loaded table
  await (store.dialect === 'postgres' ? sql`VACUUM ANALYZE` : sql`ANALYZE`).execute(store.db);
  return { incidents, findings, ms: performance.now() - t0, sampleIds };
}
