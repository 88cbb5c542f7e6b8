/**
 * PostgreSQL bulk path: COPY ... FROM STDIN into a per-session staging table, then one
 * INSERT ... SELECT ... ON CONFLICT into the real table (COPY alone cannot skip duplicates).
 * COPY is the fastest load path PostgreSQL offers (https://www.postgresql.org/docs/15/populate.html).
 * Concurrent writers (several `truce worker`) take transaction-scoped advisory locks on the days
 * they cluster, and claim queued reports with FOR UPDATE SKIP LOCKED.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type postgres from 'postgres';
import type { BulkEngine, BulkTx } from '../../bulk.js';
import { BATCH_COLUMNS, copyField } from '../../bulk-batch.js';
import { INCIDENT_COLUMNS, type IncidentRow, REPORT_COLUMNS, type ReportRow } from '../../schema.js';
import { MAX_ANCHOR_SPAN_MS } from '../sqlite/bulk.js';

/** the first key of our advisory locks, so they never collide with another application's */
const LOCK_NAMESPACE = 0x7472_7563; // "truc"

function* copyLines(rows: readonly object[], cols: readonly string[], chunkRows = 500): Generator<string> {
  let buf = '';
  let n = 0;
  for (const row of rows) {
    const r = row as Record<string, unknown>;
    let line = '';
    for (let i = 0; i < cols.length; i++) line += (i ? '\t' : '') + copyField(r[cols[i]]);
    buf += `${line}\n`;
    if (++n === chunkRows) {
      yield buf;
      buf = '';
      n = 0;
    }
  }
  if (buf) yield buf;
}

/** COPY lines: each reader line completed with the writer's columns, ~1 MB per chunk */
function* reportLines(lines: string[], rows: ReportRow[]): Generator<string> {
  let buf = '';
  for (let i = 0; i < lines.length; i++) {
    const r = rows[i];
    buf += `${lines[i]}\t${r.status}\t${r.incident_id === null ? '\\N' : copyField(r.incident_id)}\t${r.ingested_at}\t${r.processed_at ?? '\\N'}\n`;
    if (buf.length > 1 << 20) {
      yield buf;
      buf = '';
    }
  }
  if (buf) yield buf;
}

async function copyInto(
  tx: postgres.TransactionSql,
  table: string,
  cols: readonly string[],
  rows: readonly object[],
): Promise<void> {
  if (rows.length === 0) return;
  const writable = await tx.unsafe(`COPY ${table} (${cols.join(',')}) FROM STDIN`).writable();
  await pipeline(Readable.from(copyLines(rows, cols)), writable);
}

export function postgresBulk(sql: postgres.Sql): BulkEngine {
  const reportCols = REPORT_COLUMNS.join(',');
  const incidentCols = INCIDENT_COLUMNS.join(',');
  const updates = INCIDENT_COLUMNS.filter((c) => c !== 'id' && c !== 'created_at')
    .map((c) => `${c} = excluded.${c}`)
    .join(', ');

  const makeTx = (tx: postgres.TransactionSql): BulkTx => {
    let staged = false;
    const locked = new Set<number>();
    const stage = async () => {
      if (staged) return;
      staged = true;
      await tx.unsafe(
        `CREATE TEMP TABLE IF NOT EXISTS truce_reports_stage (LIKE reports) ON COMMIT DELETE ROWS;
         CREATE TEMP TABLE IF NOT EXISTS truce_incidents_stage (LIKE incidents) ON COMMIT DELETE ROWS`,
      );
    };
    return {
      async existingReportIds(ids) {
        if (ids.length === 0) return new Set();
        const rows = await tx`SELECT id FROM reports WHERE id = ANY(${tx.array(ids)})`;
        return new Set(rows.map((r) => r.id as string));
      },
      async existingIncidentIds(ids) {
        if (ids.length === 0) return new Set();
        const rows = await tx`SELECT id FROM incidents WHERE id = ANY(${tx.array(ids)})`;
        return new Set(rows.map((r) => r.id as string));
      },
      async insertReports(rows: ReportRow[]) {
        if (rows.length === 0) return;
        await stage();
        await copyInto(tx, 'truce_reports_stage', REPORT_COLUMNS, rows);
        await tx.unsafe(
          `INSERT INTO reports (${reportCols}) SELECT ${reportCols} FROM truce_reports_stage ON CONFLICT (id) DO NOTHING;
           TRUNCATE truce_reports_stage`,
        );
      },
      async insertReportLines(lines: string[], rows: ReportRow[]) {
        if (rows.length === 0) return;
        await stage();
        // the reader's COPY text of each row, then the writer's columns (status, incident, times)
        const cols = [...BATCH_COLUMNS, 'status', 'incident_id', 'ingested_at', 'processed_at'];
        const writable = await tx.unsafe(`COPY truce_reports_stage (${cols.join(',')}) FROM STDIN`).writable();
        await pipeline(Readable.from(reportLines(lines, rows)), writable);
        await tx.unsafe(
          `INSERT INTO reports (${reportCols}) SELECT ${reportCols} FROM truce_reports_stage ON CONFLICT (id) DO NOTHING;
           TRUNCATE truce_reports_stage`,
        );
      },
      async upsertIncidents(rows: IncidentRow[]) {
        if (rows.length === 0) return;
        await stage();
        await copyInto(tx, 'truce_incidents_stage', INCIDENT_COLUMNS, rows);
        await tx.unsafe(
          `INSERT INTO incidents (${incidentCols}) SELECT ${incidentCols} FROM truce_incidents_stage
           ON CONFLICT (id) DO UPDATE SET ${updates};
           TRUNCATE truce_incidents_stage`,
        );
      },
      async loadIncidents(from, to) {
        return (await tx`SELECT * FROM incidents WHERE t_start >= ${from} AND t_start < ${to}
          AND t_end - t_start <= ${MAX_ANCHOR_SPAN_MS}`) as unknown as IncidentRow[];
      },
      async claimQueued(limit) {
        return (await tx`SELECT * FROM reports WHERE status = 'queued' ORDER BY ingested_at, id LIMIT ${limit}
          FOR UPDATE SKIP LOCKED`) as unknown as ReportRow[];
      },
      async markProcessed(assignments, at) {
        if (assignments.length === 0) return;
        await tx`UPDATE reports AS r SET incident_id = nullif(v.incident_id, ''), status = v.status, processed_at = ${at}
          FROM (SELECT unnest(${tx.array(assignments.map((a) => a.id))}::text[]) AS id,
                       unnest(${tx.array(assignments.map((a) => a.incident_id ?? ''))}::text[]) AS incident_id,
                       unnest(${tx.array(assignments.map((a) => a.status))}::text[]) AS status) AS v
          WHERE r.id = v.id`;
      },
      async lockDays(days) {
        // ascending order: two workers locking overlapping sets can never deadlock (a bulk
        // transaction locks more days batch after batch; it waits, at worst, for a worker's commit)
        for (const d of [...new Set(days)].sort((a, b) => a - b)) {
          if (locked.has(d)) continue; // held until the transaction ends
          await tx`SELECT pg_advisory_xact_lock(${LOCK_NAMESPACE}::int, ${d}::int)`;
          locked.add(d);
        }
      },
      async addSources(rows) {
        for (const r of rows) {
          await tx`INSERT INTO sources (id, name, reliability, weight, kind, url, aliases, report_count)
            VALUES (${r.id}, ${r.name}, ${r.reliability}, ${r.weight}, ${r.kind}, ${r.url}, ${r.aliases}, ${r.report_count})
            ON CONFLICT (id) DO NOTHING`;
        }
      },
      async bumpSourceCounts(counts) {
        if (counts.size === 0) return;
        const ids = [...counts.keys()];
        await tx`UPDATE sources AS s SET report_count = s.report_count + v.n
          FROM (SELECT unnest(${tx.array(ids)}::text[]) AS id, unnest(${tx.array(ids.map((i) => counts.get(i)!))}::int[]) AS n) AS v
          WHERE s.id = v.id`;
      },
    };
  };

  return {
    async transaction(fn) {
      return (await sql.begin((tx) => fn(makeTx(tx)))) as Awaited<ReturnType<typeof fn>>;
    },
    othersWrote() {
      return true;
    },
  };
}
