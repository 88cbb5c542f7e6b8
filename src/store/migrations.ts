/**
 * Schema migrations, in code (Kysely Migrator with an in-memory provider), named so that they sort
 * in order. The same migration runs on both dialects; where the SQL differs (identity columns,
 * the append-only trigger) the migration asks which dialect it runs on. Never edit a migration
 * that has shipped: add a new one.
 */
import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import { verdictRollups } from './verdict-rollups.js';

export type DialectName = 'sqlite' | 'postgres';

function initial(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('sources')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('reliability', 'text')
        .addColumn('weight', 'double precision', (c) => c.notNull())
        .addColumn('kind', 'text')
        .addColumn('url', 'text')
        .addColumn('aliases', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('report_count', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();

      await db.schema
        .createTable('reports')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('content_hash', 'text', (c) => c.notNull())
        .addColumn('format', 'text', (c) => c.notNull())
        .addColumn('external_id', 'text')
        .addColumn('file', 'text')
        .addColumn('line', 'integer')
        .addColumn('source_ids', 'text', (c) => c.notNull())
        .addColumn('url', 'text')
        .addColumn('at_text', 'text')
        .addColumn('t_start', 'bigint')
        .addColumn('t_end', 'bigint')
        .addColumn('lat', 'double precision')
        .addColumn('lon', 'double precision')
        .addColumn('precision_km', 'double precision')
        .addColumn('place', 'text')
        .addColumn('admin1', 'text')
        .addColumn('admin2', 'text')
        .addColumn('type', 'text')
        .addColumn('by_actor', 'text')
        .addColumn('against_actor', 'text')
        .addColumn('unmatched', 'text', (c) => c.notNull())
        .addColumn('fatalities', 'integer')
        .addColumn('description', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('incident_id', 'text')
        .addColumn('ingested_at', 'bigint', (c) => c.notNull())
        .addColumn('processed_at', 'bigint')
        .addColumn('payload', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('reports_incident').on('reports').column('incident_id').execute();
      // partial index: the queue is small next to the archive, so the index stays small too
      await db.schema
        .createIndex('reports_queued')
        .on('reports')
        .columns(['ingested_at', 'id'])
        .where(sql.ref('status'), '=', 'queued')
        .execute();

      await db.schema
        .createTable('incidents')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('at_text', 'text', (c) => c.notNull())
        .addColumn('t_start', 'bigint', (c) => c.notNull())
        .addColumn('t_end', 'bigint', (c) => c.notNull())
        .addColumn('lat', 'double precision')
        .addColumn('lon', 'double precision')
        .addColumn('precision_km', 'double precision')
        .addColumn('place', 'text')
        .addColumn('admin1', 'text')
        .addColumn('admin2', 'text')
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('by_actor', 'text')
        .addColumn('against_actor', 'text')
        .addColumn('fatalities', 'integer')
        .addColumn('description', 'text')
        .addColumn('report_count', 'integer', (c) => c.notNull())
        .addColumn('source_count', 'integer', (c) => c.notNull())
        .addColumn('source_ids', 'text', (c) => c.notNull())
        .addColumn('confidence', 'double precision', (c) => c.notNull())
        .addColumn('review_state', 'text', (c) => c.notNull())
        .addColumn('locked_by', 'text')
        .addColumn('locked_at', 'bigint')
        .addColumn('duplicate_of', 'text')
        .addColumn('stale', 'integer', (c) => c.notNull())
        .addColumn('extra', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('incidents_time').on('incidents').columns(['t_start', 'id']).execute();
      await db.schema.createIndex('incidents_stale').on('incidents').column('t_start').where(sql.ref('stale'), '=', 1).execute();
      await db.schema.createIndex('incidents_review').on('incidents').column('review_state').execute();

      await db.schema
        .createTable('findings')
        .addColumn('incident_id', 'text', (c) => c.notNull())
        .addColumn('agreement_id', 'text', (c) => c.notNull())
        .addColumn('verdict', 'text', (c) => c.notNull())
        .addColumn('rule', 'text')
        .addColumn('clause', 'text')
        .addColumn('party', 'text')
        .addColumn('answerable', 'text')
        .addColumn('reasons', 'text', (c) => c.notNull())
        .addColumn('sources', 'text', (c) => c.notNull())
        .addColumn('t_start', 'bigint', (c) => c.notNull())
        .addColumn('computed_at', 'bigint', (c) => c.notNull())
        .addColumn('override_verdict', 'text')
        .addColumn('override_justification', 'text')
        .addColumn('override_by', 'text')
        .addColumn('override_at', 'bigint')
        .addPrimaryKeyConstraint('findings_pk', ['incident_id', 'agreement_id'])
        .execute();
      await db.schema.createIndex('findings_agreement').on('findings').columns(['agreement_id', 't_start']).execute();

      await db.schema
        .createTable('claims')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('agreement_id', 'text', (c) => c.notNull())
        .addColumn('incident_id', 'text')
        .addColumn('report_id', 'text')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('claimant', 'text')
        .addColumn('subject', 'text')
        .addColumn('at_ms', 'bigint', (c) => c.notNull())
        .addColumn('at_text', 'text', (c) => c.notNull())
        .addColumn('text', 'text')
        .addColumn('source_id', 'text')
        .addColumn('url', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('claims_agreement').on('claims').columns(['agreement_id', 'at_ms']).execute();
      await db.schema.createIndex('claims_incident').on('claims').column('incident_id').execute();

      await db.schema
        .createTable('audit_log')
        .addColumn('id', dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
          dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('entity_type', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'text', (c) => c.notNull())
        .addColumn('before', 'text')
        .addColumn('after', 'text')
        .addColumn('justification', 'text')
        .execute();
      await db.schema.createIndex('audit_entity').on('audit_log').columns(['entity_type', 'entity_id', 'id']).execute();
      // append-only, enforced by the database itself so that no code path (or a hand-run SQL
      // statement) can rewrite history
      if (dialect === 'postgres') {
        await sql`CREATE FUNCTION truce_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$`.execute(db);
        await sql`CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
          FOR EACH ROW EXECUTE FUNCTION truce_audit_append_only()`.execute(db);
      } else {
        for (const op of ['UPDATE', 'DELETE']) {
          await sql
            .raw(
              `CREATE TRIGGER audit_log_no_${op.toLowerCase()} BEFORE ${op} ON audit_log
               BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`,
            )
            .execute(db);
        }
      }

      await db.schema
        .createTable('api_tokens')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const t of ['api_tokens', 'audit_log', 'claims', 'findings', 'incidents', 'reports', 'sources']) {
        await db.schema.dropTable(t).ifExists().execute();
      }
      if (dialect === 'postgres') await sql`DROP FUNCTION IF EXISTS truce_audit_append_only()`.execute(db);
    },
  };
}

/** 0002: what each agreement looked like when its findings were computed (to find what changed). */
const agreementDigests: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('agreement_digests')
      .addColumn('agreement_id', 'text', (c) => c.primaryKey())
      .addColumn('digest', 'text', (c) => c.notNull())
      .addColumn('t_from', 'bigint', (c) => c.notNull())
      .addColumn('t_until', 'bigint')
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('agreement_digests').ifExists().execute();
  },
};

/**
 * 0003: covering indexes for the read paths of the API and dashboard. The incident list filters by
 * time, bbox and keyset (t_start, id): with lon, lat and t_end in the index those tests run on the
 * index alone and only the rows of the page are read from the table (the previous incidents_time
 * is a prefix of it, so it goes). The same for findings by agreement and time: the compliance
 * series counts verdicts per party without reading the table. Same number of indexes as before,
 * so ingestion maintains no more of them.
 */
const readPathIndexes: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createIndex('incidents_time_cover')
      .ifNotExists()
      .on('incidents')
      .columns(['t_start', 'id', 'lon', 'lat', 't_end'])
      .execute();
    await db.schema.dropIndex('incidents_time').ifExists().execute();
    await db.schema
      .createIndex('findings_agreement_cover')
      .ifNotExists()
      .on('findings')
      .columns(['agreement_id', 't_start', 'verdict', 'override_verdict', 'party', 'answerable', 'rule'])
      .execute();
    await db.schema.dropIndex('findings_agreement').ifExists().execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.createIndex('incidents_time').ifNotExists().on('incidents').columns(['t_start', 'id']).execute();
    await db.schema.createIndex('findings_agreement').ifNotExists().on('findings').columns(['agreement_id', 't_start']).execute();
    for (const i of ['incidents_time_cover', 'findings_agreement_cover']) await db.schema.dropIndex(i).ifExists().execute();
  },
};

export function migrationsFor(dialect: DialectName): Record<string, Migration> {
  return {
    '0001_initial': initial(dialect),
    '0002_agreement_digests': agreementDigests,
    '0003_read_path_indexes': readPathIndexes,
    '0004_verdict_rollups': verdictRollups(dialect),
  };
}

export async function migrateToLatest<DB>(db: Kysely<DB>, dialect: DialectName, schema?: string): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => migrationsFor(dialect) };
  const migrator = new Migrator({ db: db as Kysely<unknown>, provider, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const why = error instanceof Error ? error.message : String(error ?? '');
    throw new Error(`store migration ${failed?.migrationName ?? ''} failed: ${why}`);
  }
}
