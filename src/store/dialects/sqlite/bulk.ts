/**
 * SQLite bulk path: better-sqlite3 prepared statements, many rows per statement (fewer crossings
 * between JS and C than one row per call), one IMMEDIATE transaction per batch. The Kysely
 * connection is held meanwhile, so no query builder call interleaves with a raw transaction.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { BulkEngine, BulkTx } from '../../bulk.js';
import { INCIDENT_COLUMNS, REPORT_COLUMNS, type Database, type IncidentRow, type ReportRow } from '../../schema.js';

/** 256 rows x ~30 columns stays well under SQLite's 32,766 bound parameters per statement */
const ROWS_PER_STATEMENT = 256;
/** ids per `IN (...)` lookup */
const IDS_PER_LOOKUP = 500;
/** incidents spanning more than this cannot anchor a cluster (see src/pipeline/cluster) */
export const MAX_ANCHOR_SPAN_MS = 3 * 86_400_000;

type Stmt = BetterSqlite3.Statement<unknown[]>;

class MultiRowStatement {
  private readonly many: Stmt;
  private readonly one: Stmt;
  constructor(
    db: BetterSqlite3.Database,
    private readonly columns: readonly string[],
    head: string,
    tail: string,
  ) {
    const tuple = `(${columns.map(() => '?').join(',')})`;
    this.many = db.prepare(`${head} VALUES ${Array(ROWS_PER_STATEMENT).fill(tuple).join(',')} ${tail}`);
    this.one = db.prepare(`${head} VALUES ${tuple} ${tail}`);
  }
  run(rows: readonly object[]): void {
    const cols = this.columns;
    let i = 0;
    const values: unknown[] = new Array(cols.length * ROWS_PER_STATEMENT);
    for (; i + ROWS_PER_STATEMENT <= rows.length; i += ROWS_PER_STATEMENT) {
      let k = 0;
      for (let r = i; r < i + ROWS_PER_STATEMENT; r++) {
        const row = rows[r] as Record<string, unknown>;
        for (const c of cols) values[k++] = row[c];
      }
      this.many.run(values);
    }
    for (; i < rows.length; i++) {
      const row = rows[i] as Record<string, unknown>;
      this.one.run(cols.map((c) => row[c]));
    }
  }
}

/** `SELECT id FROM table WHERE id IN (...)`: one prepared statement for full chunks, cached */
function idLookup(db: BetterSqlite3.Database, table: string): (ids: string[]) => Set<string> {
  const sql = (n: number) => `SELECT id FROM ${table} WHERE id IN (${Array(n).fill('?').join(',')})`;
  const full = db.prepare(sql(IDS_PER_LOOKUP)).pluck();
  return (ids) => {
    const found = new Set<string>();
    for (let i = 0; i < ids.length; i += IDS_PER_LOOKUP) {
      const chunk = ids.slice(i, i + IDS_PER_LOOKUP);
      const stmt = chunk.length === IDS_PER_LOOKUP ? full : db.prepare(sql(chunk.length)).pluck();
      for (const id of stmt.all(chunk) as string[]) found.add(id);
    }
    return found;
  };
}

export function sqliteBulk(raw: BetterSqlite3.Database, kysely: Kysely<Database>): BulkEngine {
  const insertReports = new MultiRowStatement(
    raw,
    REPORT_COLUMNS,
    `INSERT INTO reports (${REPORT_COLUMNS.join(',')})`,
    'ON CONFLICT (id) DO NOTHING',
  );
  const updates = INCIDENT_COLUMNS.filter((c) => c !== 'id' && c !== 'created_at')
    .map((c) => `${c} = excluded.${c}`)
    .join(', ');
  const upsertIncidents = new MultiRowStatement(
    raw,
    INCIDENT_COLUMNS,
    `INSERT INTO incidents (${INCIDENT_COLUMNS.join(',')})`,
    `ON CONFLICT (id) DO UPDATE SET ${updates}`,
  );
  const insertIncidents = new MultiRowStatement(
    raw,
    INCIDENT_COLUMNS,
    `INSERT INTO incidents (${INCIDENT_COLUMNS.join(',')})`,
    '',
  );
  const loadIncidents = raw.prepare(
    'SELECT * FROM incidents WHERE t_start >= ? AND t_start < ? AND t_end - t_start <= ?',
  );
  const claim = raw.prepare("SELECT * FROM reports WHERE status = 'queued' ORDER BY ingested_at, id LIMIT ?");
  const mark = raw.prepare('UPDATE reports SET incident_id = ?, status = ?, processed_at = ? WHERE id = ?');
  const addSource = raw.prepare(
    'INSERT INTO sources (id, name, reliability, weight, kind, url, aliases, report_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING',
  );
  const bump = raw.prepare('UPDATE sources SET report_count = report_count + ? WHERE id = ?');
  const reportIds = idLookup(raw, 'reports');
  const incidentIds = idLookup(raw, 'incidents');
  let dataVersion = raw.pragma('data_version', { simple: true }) as number;

  const tx: BulkTx = {
    async existingReportIds(ids) {
      return reportIds(ids);
    },
    async existingIncidentIds(ids) {
      return incidentIds(ids);
    },
    async insertReports(rows: ReportRow[]) {
      insertReports.run(rows);
    },
    async upsertIncidents(rows: IncidentRow[]) {
      upsertIncidents.run(rows);
    },
    async insertIncidents(rows: IncidentRow[]) {
      insertIncidents.run(rows);
    },
    async loadIncidents(from, to) {
      return loadIncidents.all(from, to, MAX_ANCHOR_SPAN_MS) as IncidentRow[];
    },
    async claimQueued(limit) {
      return claim.all(limit) as ReportRow[];
    },
    async markProcessed(assignments, at) {
      for (const a of assignments) mark.run(a.incident_id, a.status, at, a.id);
    },
    async lockDays() {
      // BEGIN IMMEDIATE already serialises every writer of the file
    },
    async addSources(rows) {
      for (const r of rows)
        addSource.run(r.id, r.name, r.reliability, r.weight, r.kind, r.url, r.aliases, r.report_count);
    },
    async bumpSourceCounts(counts) {
      for (const [id, n] of counts) bump.run(n, id);
    },
  };

  return {
    async transaction(fn, opts) {
      return kysely.connection().execute(async () => {
        // A bulk batch commits with synchronous=OFF: SQLite then leaves flushing the write-ahead
        // log to the operating system instead of waiting for fsync at checkpoints. A killed
        // process (what the crash test does) loses nothing either way: its writes are in the OS
        // page cache and each transaction stays atomic. A power cut or OS crash during a bulk
        // load is the risk taken: the last batches may be lost, and the database file may be
        // damaged if a checkpoint was under way; a bulk load is rerunnable (ids are content
        // hashes), ordinary writes keep synchronous=NORMAL.
        // https://www.sqlite.org/pragma.html#pragma_synchronous
        if (opts?.bulk) raw.pragma('synchronous = OFF');
        raw.exec('BEGIN IMMEDIATE');
        try {
          const out = await fn(tx);
          raw.exec('COMMIT');
          return out;
        } catch (err) {
          if (raw.inTransaction) raw.exec('ROLLBACK');
          throw err;
        } finally {
          if (opts?.bulk) raw.pragma('synchronous = NORMAL');
        }
      });
    },
    othersWrote() {
      const v = raw.pragma('data_version', { simple: true }) as number;
      const changed = v !== dataVersion;
      dataVersion = v;
      return changed;
    },
  };
}
