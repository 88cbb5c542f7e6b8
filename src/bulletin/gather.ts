/**
 * Gathering one day's bulletin data through the API's backend port (src/api/backend.ts), the same
 * view of the store, the workspace and adjudication that the dashboard reads: incidents of the
 * day and the day before, their findings, each agreement's obligations and claims, zones, and
 * the governorates for the map. Reading through the port keeps the bulletin's numbers identical
 * to what the API serves.
 */
import type { ApiBackend } from '../api/backend.js';
import type { FindingListQuery } from '../api/schemas/finding-query.js';
import type { IncidentListQuery } from '../api/schemas/incident-query.js';
import { parseTime } from '../domain/time.js';
import { adminGeometry, adminUnits } from '../geo/index.js';
import { localDateOf, shiftDate } from './build-bulletin.js';
import type { AreaGeometry, BulletinClaim, BulletinData, BulletinIncident, BulletinObligation, BulletinSource } from './model.js';

export interface GatherOptions {
  /** the local day, YYYY-MM-DD */
  date: string;
  /** the time zone of the day; default: the first agreement's `tz` */
  tz?: string;
  title?: string;
}

const PAGE = 1000;

export async function gatherBulletinData(backend: ApiBackend, opts: GatherOptions): Promise<BulletinData> {
  const summaries = backend.listAgreements();
  const tz = opts.tz ?? summaries[0]?.tz ?? 'UTC';
  const previous = shiftDate(opts.date, -1);
  const from = new Date(parseTime(previous, tz).start).toISOString();
  const to = new Date(parseTime(opts.date, tz).end).toISOString();

  const details = (await Promise.all(summaries.map((a) => backend.getAgreement(a.id)))).filter((a) => a !== undefined);
  const incidents = await all((cursor) => backend.listIncidents({ from, to, limit: PAGE, cursor } as IncidentListQuery));
  const findings = await all((cursor) =>
    backend.listFindings({ from, to, limit: PAGE, cursor, verdict: ['violation', 'undetermined', 'permitted'] } as FindingListQuery),
  );

  // sources and evidence quotes only for the incidents a bulletin details: those of the day with a
  // violation or an undetermined verdict
  const graveToday = incidents.filter(
    (i) => (i.verdict === 'violation' || i.verdict === 'undetermined') && localDateOf(i.when, tz) === opts.date,
  );
  const sources = new Map<string, BulletinSource[]>();
  for (const i of graveToday) {
    const d = await backend.getIncident(i.id);
    if (!d) continue;
    const fromReports: BulletinSource[] = d.reports.map((r) => ({
      outlet: r.outlet ?? undefined,
      url: r.url ?? undefined,
      title: r.title ?? undefined,
      quote: r.evidence.length ? r.evidence.map((e) => e.quote).join(' … ') : undefined,
    }));
    const seen = new Set(fromReports.map((s) => s.url ?? s.outlet));
    const extra = d.sources
      .filter((s) => !seen.has(s.url ?? s.name))
      .map((s) => ({ outlet: s.name, url: s.url ?? undefined }));
    sources.set(i.id, [...fromReports, ...extra]);
  }

  const obligations: BulletinObligation[] = details.flatMap((a) =>
    a.obligations.map((o) => ({
      agreement: a.id,
      rule: o.rule,
      kind: o.kind,
      clause: o.clause,
      who: o.who,
      due: o.due,
      status: (['pending', 'met', 'missed', 'unknown'].includes(o.status) ? o.status : 'unknown') as BulletinObligation['status'],
      evidence: o.reasons,
    })),
  );
  const claims: BulletinClaim[] = details.flatMap((a) =>
    a.claims
      .filter((c) => c.date)
      .map((c) => ({
        id: c.id,
        when: c.date!,
        kind: /^den/.test(c.kind) ? ('denial' as const) : ('claim' as const),
        speaker: c.actor ?? c.source?.outlet ?? 'unknown',
        text: c.text,
        agreement: c.agreement ?? a.id,
        incident: c.incident,
        source: c.source ? { outlet: c.source.outlet ?? undefined, url: c.source.url ?? undefined, title: c.source.title ?? undefined } : undefined,
      })),
  );

  return {
    date: opts.date,
    tz,
    title: opts.title,
    actors: backend.actors().map((a) => ({ id: a.id, name: a.name })),
    agreements: details.map((a) => ({
      id: a.id,
      title: a.title,
      short_name: a.short_name ?? undefined,
      guarantors: a.parties.guarantors.map((g) => ({ actor: g.id, answers_for: g.answers_for })),
      status: a.status_history.at(-1)?.status ?? a.status,
    })),
    // zones the size of a whole country would only repeat the totals
    zones: details.flatMap((a) =>
      a.zones.features
        .filter((f) => f.geometry && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon') && f.properties?.form !== 'country')
        .map((f) => ({ id: String(f.properties?.zone ?? f.id), agreement: a.id, geometry: f.geometry as AreaGeometry })),
    ),
    basemap: adminUnits(1).flatMap((u) => {
      const g = adminGeometry(u.pcode);
      return g ? [{ name: u.name, geometry: g as AreaGeometry }] : [];
    }),
    incidents: incidents.map(
      (i): BulletinIncident => ({
        id: i.id,
        when: i.when,
        where: {
          lat: i.where.lat ?? undefined,
          lon: i.where.lon ?? undefined,
          name: i.where.name ?? undefined,
          admin: i.where.admin ?? undefined,
          precision_km: i.where.precision_km ?? undefined,
        },
        type: i.type,
        by: i.by,
        against: i.against,
        fatalities: i.fatalities === null ? undefined : { total: i.fatalities },
        description: i.description ?? undefined,
        sources: sources.get(i.id),
        review: i.review_state,
      }),
    ),
    findings: findings.map((f) => ({
      incident: f.incident,
      agreement: f.agreement,
      verdict: f.verdict,
      rule: f.rule,
      clause: f.clause,
      party: f.party,
      answerable: f.answerable,
      reasons: f.reasons,
    })),
    obligations,
    claims,
  };
}

async function all<T>(page: (cursor: string | undefined) => Promise<{ items: T[]; next_cursor: string | null }>): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const p = await page(cursor);
    out.push(...p.items);
    cursor = p.next_cursor ?? undefined;
  } while (cursor);
  return out;
}
