/**
 * Migration 0004: read models of the findings, kept by the database itself so that every write path
 * (replaceFindings, analysts' overrides, agreement edits that delete findings, bulk seeding) keeps
 * them right without a line of application code:
 *
 * - `incidents.verdict_mask`: the set of an incident's effective verdicts (an analyst's override
 *   when there is one) over all agreements, one bit per verdict (VERDICT_BITS). The incident list
 *   filters `verdict=` on it inside the covering index `incidents_list_cover` instead of probing
 *   the findings of every candidate row (0.3 of the list's 0.4 ms of index work at 1M incidents).
 * - `incidents.list_verdicts`: the incident's verdicts as the incident list shows them, a JSON
 *   array ordered by agreement, so that a page reads one column instead of a subquery per row.
 * - `compliance_days`: effective verdicts counted per agreement, UTC day, party, answerable and
 *   rule, for the compliance series (a quarter with its previous quarter reads ~1,000 rollup rows
 *   instead of ~100,000 findings). NULL keys are stored as '' so that the primary key is total.
 *
 * SQLite: row triggers (the writer is single, so there is no lock ordering to care about).
 * PostgreSQL: one plpgsql row trigger function; concurrent writers that touch the same rollup row
 * queue on its row lock, as they would on the findings themselves.
 */
import { type Kysely, type Migration, sql } from 'kysely';
import { VERDICTS, type Verdict } from '../domain/finding.js';
import type { DialectName } from './migrations.js';

/** Bit of each verdict in `incidents.verdict_mask` (1 << its position in VERDICTS). */
export const VERDICT_BITS: Record<Verdict, number> = Object.fromEntries(VERDICTS.map((v, i) => [v, 1 << i])) as Record<
  Verdict,
  number
>;

export function verdictMaskOf(verdicts: readonly Verdict[]): number {
  let m = 0;
  for (const v of verdicts) m |= VERDICT_BITS[v];
  return m;
}

const DAY_MS = 86_400_000;

/** SQL: the bit of a verdict expression. */
const bitOf = (e: string) => `(CASE ${e} ${VERDICTS.map((v, i) => `WHEN '${v}' THEN ${1 << i}`).join(' ')} ELSE 0 END)`;

/** SQL (SQLite): an incident's mask and list verdicts, recomputed from its findings. */
const sqliteMask = (id: string) =>
  `(SELECT coalesce(sum(DISTINCT ${bitOf('coalesce(f.override_verdict, f.verdict)')}), 0) FROM findings f WHERE f.incident_id = ${id})`;
// ordered by a subquery, not json_group_array(... ORDER BY ...): that syntax needs SQLite 3.44, and
// an older sqlite3 shell (Debian 12 ships 3.40) could not even open a database whose triggers use it
const sqliteVerdicts = (id: string) =>
  `(SELECT json_group_array(json(v)) FROM (SELECT json_object('agreement', f.agreement_id,
     'verdict', coalesce(f.override_verdict, f.verdict), 'rule', f.rule, 'party', f.party, 'answerable', f.answerable,
     'overridden', json(CASE WHEN f.override_verdict IS NOT NULL AND f.override_verdict <> f.verdict THEN 'true' ELSE 'false' END)) AS v
     FROM findings f WHERE f.incident_id = ${id} ORDER BY f.agreement_id))`;

/** SQL (PostgreSQL): the same, the JSON written compactly and in the same key order as SQLite's. */
const pgStr = (e: string) => `coalesce(to_json(${e})::text, 'null')`;
const pgMask = (id: string) =>
  `(SELECT coalesce(bit_or(${bitOf('coalesce(f.override_verdict, f.verdict)')}), 0) FROM findings f WHERE f.incident_id = ${id})`;
const pgVerdicts = (id: string) =>
  `(SELECT coalesce('[' || string_agg('{"agreement":' || ${pgStr('f.agreement_id')} || ',"verdict":' || ${pgStr('coalesce(f.override_verdict, f.verdict)')}
     || ',"rule":' || ${pgStr('f.rule')} || ',"party":' || ${pgStr('f.party')} || ',"answerable":' || ${pgStr('f.answerable')}
     || ',"overridden":' || CASE WHEN f.override_verdict IS NOT NULL AND f.override_verdict <> f.verdict THEN 'true' ELSE 'false' END || '}',
     ',' ORDER BY f.agreement_id COLLATE "C") || ']', '[]') FROM findings f WHERE f.incident_id = ${id})`;

const ROLLUP_KEY = 'agreement_id, verdict, day, party, answerable, rule';
/** SQL: the rollup key values of a findings row (`r` is NEW or OLD). */
const rollupValues = (r: string) =>
  `${r}.agreement_id, coalesce(${r}.override_verdict, ${r}.verdict), ${r}.t_start / ${DAY_MS}, coalesce(${r}.party, ''), coalesce(${r}.answerable, ''), coalesce(${r}.rule, '')`;
const rollupWhere = (r: string) =>
  `agreement_id = ${r}.agreement_id AND day = ${r}.t_start / ${DAY_MS} AND verdict = coalesce(${r}.override_verdict, ${r}.verdict)
   AND party = coalesce(${r}.party, '') AND answerable = coalesce(${r}.answerable, '') AND rule = coalesce(${r}.rule, '')`;

function sqliteTriggers(): string[] {
  const refresh = (r: string) =>
    `UPDATE incidents SET verdict_mask = ${sqliteMask(`${r}.incident_id`)}, list_verdicts = ${sqliteVerdicts(`${r}.incident_id`)} WHERE id = ${r}.incident_id;`;
  const add = `INSERT INTO compliance_days (${ROLLUP_KEY}, n) VALUES (${rollupValues('NEW')}, 1)
      ON CONFLICT (${ROLLUP_KEY}) DO UPDATE SET n = n + 1;`;
  const remove = `UPDATE compliance_days SET n = n - 1 WHERE ${rollupWhere('OLD')};`;
  return [
    `CREATE TRIGGER findings_rollup_insert AFTER INSERT ON findings BEGIN ${refresh('NEW')} ${add} END`,
    `CREATE TRIGGER findings_rollup_delete AFTER DELETE ON findings BEGIN ${refresh('OLD')} ${remove} END`,
    `CREATE TRIGGER findings_rollup_update AFTER UPDATE ON findings BEGIN ${remove} ${add} ${refresh('OLD')}
       UPDATE incidents SET verdict_mask = ${sqliteMask('NEW.incident_id')}, list_verdicts = ${sqliteVerdicts('NEW.incident_id')}
       WHERE id = NEW.incident_id AND NEW.incident_id <> OLD.incident_id; END`,
  ];
}

function postgresTriggers(): string[] {
  const refresh = (r: string) =>
    `UPDATE incidents SET verdict_mask = ${pgMask(`${r}.incident_id`)}, list_verdicts = ${pgVerdicts(`${r}.incident_id`)} WHERE id = ${r}.incident_id;`;
  return [
    `CREATE FUNCTION truce_findings_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       IF TG_OP <> 'INSERT' THEN
         UPDATE compliance_days SET n = n - 1 WHERE ${rollupWhere('OLD')};
         ${refresh('OLD')}
       END IF;
       IF TG_OP <> 'DELETE' THEN
         INSERT INTO compliance_days (${ROLLUP_KEY}, n) VALUES (${rollupValues('NEW')}, 1)
           ON CONFLICT (${ROLLUP_KEY}) DO UPDATE SET n = compliance_days.n + 1;
         IF TG_OP = 'INSERT' OR NEW.incident_id <> OLD.incident_id THEN ${refresh('NEW')} END IF;
       END IF;
       RETURN NULL;
     END $$`,
    `CREATE TRIGGER findings_rollup AFTER INSERT OR UPDATE OR DELETE ON findings
       FOR EACH ROW EXECUTE FUNCTION truce_findings_rollup()`,
  ];
}

/**
 * Recomputes the read models from the findings (the migration's backfill). For bulk loads on
 * PostgreSQL, which may load with the trigger disabled and rebuild once: one set-based pass instead
 * of a trigger call, and a new incidents row version, per finding.
 */
export async function rebuildVerdictReadModels(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const [mask, verdicts] = dialect === 'sqlite' ? [sqliteMask, sqliteVerdicts] : [pgMask, pgVerdicts];
  await sql
    .raw(
      `UPDATE incidents SET verdict_mask = ${mask('incidents.id')}, list_verdicts = ${verdicts('incidents.id')}
       WHERE id IN (SELECT DISTINCT incident_id FROM findings) OR verdict_mask <> 0`,
    )
    .execute(db);
  await sql.raw('DELETE FROM compliance_days').execute(db);
  await sql
    .raw(
      `INSERT INTO compliance_days (${ROLLUP_KEY}, n)
       SELECT ${rollupValues('f')}, count(*) FROM findings f GROUP BY ${rollupValues('f')}`,
    )
    .execute(db);
}

export function verdictRollups(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      // nullable with a default: PostgreSQL's bulk path stages incidents in a LIKE copy of the table
      // and fills only the columns it knows, so a NOT NULL column here would reject its rows
      await db.schema
        .alterTable('incidents')
        .addColumn('verdict_mask', 'integer', (c) => c.defaultTo(0))
        .execute();
      await db.schema
        .alterTable('incidents')
        .addColumn('list_verdicts', 'text', (c) => c.defaultTo('[]'))
        .execute();
      // the key leads with what the series always asks for (agreement, verdicts, a range of days);
      // on SQLite the table is its key (WITHOUT ROWID): a series reads its rows in one range scan
      // per verdict, the counts beside the keys, with no second lookup per row
      const rollup = db.schema
        .createTable('compliance_days')
        .addColumn('agreement_id', 'text', (c) => c.notNull())
        .addColumn('verdict', 'text', (c) => c.notNull())
        .addColumn('day', 'bigint', (c) => c.notNull())
        .addColumn('party', 'text', (c) => c.notNull())
        .addColumn('answerable', 'text', (c) => c.notNull())
        .addColumn('rule', 'text', (c) => c.notNull())
        .addColumn('n', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('compliance_days_pk', [
          'agreement_id',
          'verdict',
          'day',
          'party',
          'answerable',
          'rule',
        ]);
      await (dialect === 'sqlite' ? rollup.modifyEnd(sql`WITHOUT ROWID`) : rollup).execute();

      // backfill from the findings already stored
      await rebuildVerdictReadModels(db, dialect);

      for (const s of dialect === 'sqlite' ? sqliteTriggers() : postgresTriggers()) await sql.raw(s).execute(db);

      // the list's covering index gains the mask (it replaces 0003's incidents_time_cover, of which
      // it is an extension), so `verdict=` is tested on the index like time and bbox
      await db.schema
        .createIndex('incidents_list_cover')
        .on('incidents')
        .columns(['t_start', 'id', 'lon', 'lat', 't_end', 'verdict_mask'])
        .execute();
      await db.schema.dropIndex('incidents_time_cover').ifExists().execute();
    },
    async down(db: Kysely<unknown>) {
      if (dialect === 'sqlite') {
        for (const t of ['insert', 'delete', 'update'])
          await sql.raw(`DROP TRIGGER IF EXISTS findings_rollup_${t}`).execute(db);
      } else {
        await sql`DROP TRIGGER IF EXISTS findings_rollup ON findings`.execute(db);
        await sql`DROP FUNCTION IF EXISTS truce_findings_rollup()`.execute(db);
      }
      await db.schema
        .createIndex('incidents_time_cover')
        .ifNotExists()
        .on('incidents')
        .columns(['t_start', 'id', 'lon', 'lat', 't_end'])
        .execute();
      await db.schema.dropIndex('incidents_list_cover').ifExists().execute();
      await db.schema.dropTable('compliance_days').ifExists().execute();
      await db.schema.alterTable('incidents').dropColumn('list_verdicts').execute();
      await db.schema.alterTable('incidents').dropColumn('verdict_mask').execute();
    },
  };
}
