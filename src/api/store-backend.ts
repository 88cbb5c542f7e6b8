/**
 * The API backend over the store, the loaded workspace and the pipeline services. Everything the
 * routes read or write goes through here, so route code never sees a store row.
 */
import type { Agreement } from '../domain/agreement.js';
import type { Verdict } from '../domain/finding.js';
import { parseTime } from '../domain/time.js';
import { type Areal, bboxOf, pointInAreal } from '../geo/index.js';
import type { Adjudicator } from '../pipeline/adjudicate/index.js';
import { agreementZones } from '../services/agreement-zones.js';
import { complianceSeries } from '../services/compliance-series.js';
import { adjudicatorFor } from '../services/compliance-workspace.js';
import { reportsFromText } from '../services/report-from-text.js';
import { refreshStaleFindings } from '../services/stored-findings.js';
import type { IncidentFilter } from '../store/incident-filter.js';
import { listIncidentPage } from '../store/queries/incidents.js';
import { type ReportInput, ReviewError, type Store } from '../store/store.js';
import { type Workspace, zoneGeometryKey } from '../workspace/index.js';
import type { ApiBackend, Page } from './backend.js';
import { ApiError } from './errors.js';
import { actorRef, agreementDetail, agreementSummary } from './presenters/agreement.js';
import { finding, incidentDetail } from './presenters/incident.js';
import { listItem, listPageJson } from './presenters/incident-list.js';
import { deadlineObligations } from './presenters/obligations.js';
import { reportDetail, reportSummary } from './presenters/report.js';
import { statusHistory } from './presenters/status-history.js';
import type { ComplianceSeries } from './schemas/compliance.js';
import type { IncidentFilterQuery, IncidentListQuery } from './schemas/incident-query.js';
import type { SubmitReportBody } from './schemas/report.js';
import { TtlCache } from './ttl-cache.js';

/** The loaded workspace (src/workspace). */
export type ApiWorkspace = Workspace;

/** Pipeline steps the API triggers; injected so that the API does not pick an implementation. */
export interface ApiServices {
  /** text -> report inputs with extracted facts and evidence (default: services/report-from-text.ts) */
  extractReports?: (body: SubmitReportBody, submittedBy: string) => { inputs: ReportInput[] };
  /** recompute stale findings (default: services/stored-findings.ts with the workspace's adjudicator) */
  adjudicate?: (store: Store) => Promise<unknown>;
  /** obligations of an agreement with their deadlines and status */
  obligations?: (
    agreement: Agreement,
    store: Store,
  ) => Promise<import('./schemas/agreement.js').AgreementDetail['obligations']>;
}

function mapReviewError(err: unknown): never {
  if (err instanceof ReviewError) {
    const code = {
      not_found: 'not_found',
      locked: 'conflict_locked',
      not_locked: 'conflict_not_locked',
      invalid_transition: 'conflict',
      invalid_input: 'validation_failed',
    } as const;
    throw new ApiError(code[err.code], err.message);
  }
  throw err;
}

function cursorError(err: unknown): never {
  if (err instanceof Error && /cursor/i.test(err.message))
    throw new ApiError('invalid_cursor', err.message, [{ path: 'query.cursor', message: err.message }]);
  throw err;
}

export interface BackendOptions {
  /** how long a compliance series may be served from memory (default 10 s; 0 disables) */
  complianceTtlMs?: number;
  /** how long a page of an incident list may be served from memory (default 2 s; 0 disables) */
  listTtlMs?: number;
}

export function storeBackend(
  store: Store,
  workspace: ApiWorkspace,
  services: ApiServices = {},
  options: BackendOptions = {},
): ApiBackend {
  // many viewers open the same default views: identical requests within a few seconds share one
  // computation; every write through this backend clears both caches
  const complianceCache = new TtlCache<ComplianceSeries>(options.complianceTtlMs ?? 10_000);
  const listCache = new TtlCache<string>(options.listTtlMs ?? 2_000);
  const wrote = () => {
    complianceCache.clear();
    listCache.clear();
  };
  const zoneFeatures = new Map<string, ReturnType<typeof agreementZones>>();
  const actors = new Map(workspace.actors.map((a) => [a.id, a]));
  const agreements = new Map(workspace.agreements.map((a) => [a.id, a]));
  const zoneCache = new Map<string, { geometry: Areal; bbox: [number, number, number, number] } | null>();
  const ruleZones = new Map<string, string>();
  for (const a of workspace.agreements) {
    for (const r of a.rules ?? []) if ('where' in r && r.where) ruleZones.set(`${a.id}/${r.id}`, r.where);
  }

  const resolvedZones = (agreementId: string) => (zoneId: string, amendment?: number) =>
    workspace.zoneGeometries.get(zoneGeometryKey(agreementId, zoneId, amendment));

  // the workspace does not change while the server runs: buffers and boundaries are built once
  const zonesOf = (a: Agreement) => {
    let z = zoneFeatures.get(a.id);
    if (!z) {
      z = agreementZones(a, resolvedZones(a.id));
      zoneFeatures.set(a.id, z);
    }
    return z;
  };

  const zone = (agreementId: string, zoneId: string) => {
    const key = `${agreementId}:${zoneId}`;
    if (!zoneCache.has(key)) {
      const a = agreements.get(agreementId);
      const f = a ? zonesOf(a).find((z) => z.id === zoneId) : undefined;
      zoneCache.set(key, f?.geometry ? { geometry: f.geometry, bbox: bboxOf(f.geometry) } : null);
    }
    return zoneCache.get(key) ?? null;
  };

  /** API filters -> the store's filter, plus the point-in-zone test for `zone`. */
  const toFilter = (q: IncidentFilterQuery) => {
    let { agreement, zone: zoneId } = q;
    if (zoneId?.includes(':')) [agreement, zoneId] = zoneId.split(':', 2);
    if (agreement && !agreements.has(agreement)) {
      throw new ApiError('validation_failed', `unknown agreement ${agreement}`, [
        { path: 'query.agreement', message: `unknown agreement ${agreement}` },
      ]);
    }
    const filter: IncidentFilter = {
      from: q.from,
      to: q.to,
      bbox: q.bbox,
      agreement,
      verdict: q.verdict,
      party: q.party,
      type: q.type,
      review: q.review,
      q: q.q,
      min_confidence: q.min_confidence,
    };
    let within: ((lon: number, lat: number) => boolean) | undefined;
    if (zoneId && agreement) {
      const z = zone(agreement, zoneId);
      if (!z)
        throw new ApiError('validation_failed', `agreement ${agreement} has no zone ${zoneId}`, [
          { path: 'query.zone', message: `unknown zone ${zoneId}` },
        ]);
      const [a0, a1, a2, a3] = z.bbox;
      const b = q.bbox ?? [-180, -90, 180, 90];
      filter.bbox = [Math.max(a0, b[0]), Math.max(a1, b[1]), Math.min(a2, b[2]), Math.min(a3, b[3])];
      if (filter.bbox[0] > filter.bbox[2] || filter.bbox[1] > filter.bbox[3]) filter.bbox = [0, 0, 0, 0];
      within = (lon, lat) => pointInAreal(lon, lat, z.geometry);
    }
    return { filter, within };
  };

  // one query for the page and its verdicts (listIncidentPage), not the store's full rows + verdictsOf
  const listRows = (q: IncidentListQuery) => {
    const { filter, within } = toFilter(q);
    return listIncidentPage(store.db, store.dialect, filter, { limit: q.limit, cursor: q.cursor }, within).catch(
      cursorError,
    );
  };

  const getIncident = async (id: string) => {
    const d = await store.getIncident(id);
    return d ? incidentDetail(d) : undefined;
  };

  let adjudicator: Adjudicator | undefined;
  // compiled on first use: readers of the API (the bulletin) never pay for it
  const adjudicate = services.adjudicate
    ? () => services.adjudicate!(store)
    : () => {
        adjudicator ??= adjudicatorFor(workspace);
        return refreshStaleFindings(store, adjudicator);
      };

  const label = (key: string) =>
    actors.get(key)?.name ?? agreements.get(key)?.short_name ?? agreements.get(key)?.title ?? key;

  const backend: ApiBackend = {
    tokens: store.tokens,
    async health() {
      try {
        // one indexed row, not stats(): count(*) over a large archive would make health checks heavy
        await store.db.selectFrom('sources').select('id').limit(1).execute();
      } catch (err) {
        throw new ApiError('unavailable', `store unreachable: ${err instanceof Error ? err.message : String(err)}`);
      }
    },
    actors: () => [...actors.keys()].sort().map((id) => actorRef(actors, id)),
    listAgreements: () => workspace.agreements.map((a) => agreementSummary(a)),
    async getAgreement(id) {
      const a = agreements.get(id);
      if (!a) return undefined;
      const [status, claims, obligations] = await Promise.all([
        store.agreementStatus(id),
        store.listClaims({ agreement: id }, { limit: 1000 }),
        services.obligations ? services.obligations(a, store) : Promise.resolve(deadlineObligations(a)),
      ]);
      const history = statusHistory(a, status);
      return agreementDetail(
        a,
        actors,
        {
          status_history: history,
          obligations,
          claims: claims.items.map((c) => ({
            id: c.id,
            agreement: c.agreement_id,
            actor: c.claimant,
            kind: c.kind,
            text: c.text ?? '',
            date: c.at,
            source: c.source_id || c.url ? { outlet: c.source_id, url: c.url, title: null } : null,
            incident: c.incident_id,
          })),
        },
        zonesOf(a),
      );
    },

    async listIncidents(q) {
      const page = await listRows(q);
      return { items: page.items.map(listItem), next_cursor: page.next_cursor };
    },
    listIncidentsJson(q) {
      return listCache.get(JSON.stringify(q), async () => listPageJson(await listRows(q)));
    },
    async *exportIncidents(q) {
      const { filter, within } = toFilter(q);
      let cursor: string | undefined;
      // the list's one-query page (listed columns + verdicts), 1,000 incidents at a time
      do {
        const page = await listIncidentPage(store.db, store.dialect, filter, { limit: 1000, cursor }, within);
        for (const r of page.items) yield listItem(r);
        cursor = page.next_cursor ?? undefined;
      } while (cursor);
    },
    getIncident,
    async listFindings(q) {
      const verdicts = q.verdict as Verdict[] | undefined;
      const page = await store
        .listFindings(
          {
            agreement: q.agreement,
            verdict: verdicts,
            party: q.party,
            from: q.from ? parseTime(q.from, 'UTC').start : undefined,
            to: q.to ? parseTime(q.to, 'UTC').end : undefined,
            all: verdicts?.includes('not_applicable'),
          },
          { limit: q.limit, cursor: q.cursor },
        )
        .catch(cursorError);
      let items = page.items;
      if (q.answerable) items = items.filter((f) => f.answerable === q.answerable);
      if (q.rule) items = items.filter((f) => f.rule === q.rule);
      return { items: items.map(finding), next_cursor: page.next_cursor } satisfies Page<ReturnType<typeof finding>>;
    },
    async compliance(q) {
      if (q.agreement && !agreements.has(q.agreement)) throw new ApiError('not_found', `no agreement ${q.agreement}`);
      const from = parseTime(q.from, 'UTC').start;
      const to = Math.max(parseTime(q.to, 'UTC').start, from + 1);
      const verdicts = (q.verdict ?? ['violation']) as Verdict[];
      const key = JSON.stringify([q.agreement, from, to, q.bucket, q.group, verdicts]);
      return complianceCache.get(key, async () => {
        const series = await complianceSeries(store, {
          agreement: q.agreement,
          from,
          to,
          bucket: q.bucket,
          group: q.group,
          verdicts,
          ruleZones,
          label,
        });
        const iso = (ms: number) => new Date(ms).toISOString();
        return {
          bucket: q.bucket,
          group: q.group,
          verdicts,
          period: { from: iso(from), to: iso(to) },
          previous_period: { from: iso(from - (to - from)), to: iso(from) },
          series,
        };
      });
    },

    async listReports(q) {
      const page = await store
        .listReports(
          { incident: q.incident, source: q.source, format: q.format, status: q.status },
          { limit: q.limit, cursor: q.cursor },
        )
        .catch(cursorError);
      return { items: page.items.map(reportSummary), next_cursor: page.next_cursor };
    },
    async getReport(id) {
      const r = await store.getReport(id);
      return r ? reportDetail(r) : undefined;
    },
    async submitReport(body, by) {
      wrote();
      const { inputs } = (services.extractReports ?? reportsFromText)(body, by.name);
      const stored = [];
      for (const input of inputs) stored.push(await store.submitReport(input, by.name));
      const incidentIds = [...new Set(stored.map((s) => s.report.incident_id).filter((x): x is string => !!x))];
      if (incidentIds.length) await adjudicate();
      const details = (await Promise.all(incidentIds.map((id) => store.getIncident(id)))).filter(
        (d) => d !== undefined,
      );
      return {
        report: reportSummary(stored[0].report),
        created: stored.some((s) => s.created),
        incidents: details
          .map((d) => incidentDetail(d))
          .map(({ sources: _s, reports: _r, findings: _f, claims: _c, review: _v, ...summary }) => summary),
        findings: details.flatMap((d) => d.findings.map(finding)),
      };
    },
    async listSources() {
      return (await store.listSources()).map((s) => ({
        id: s.id,
        name: s.name,
        kind: s.kind,
        url: s.url,
        reliability: s.reliability,
        weight: s.weight,
        report_count: s.report_count,
      }));
    },

    async review(id, action, by) {
      wrote();
      const who = by.name;
      try {
        switch (action.action) {
          case 'lock':
            await store.lockIncident(id, who);
            break;
          case 'unlock':
            await store.unlockIncident(id, who);
            break;
          case 'verify':
          case 'unverifiable':
          case 'reject':
          case 'duplicate': {
            const outcome = (
              { verify: 'verified', unverifiable: 'unverifiable', reject: 'rejected', duplicate: 'duplicate' } as const
            )[action.action];
            if (action.action === 'duplicate' && action.duplicate_of === id)
              throw new ApiError('conflict', 'an incident cannot be a duplicate of itself');
            await store.reviewIncident(id, who, outcome, {
              note: action.note,
              duplicateOf: action.action === 'duplicate' ? action.duplicate_of : undefined,
            });
            break;
          }
          case 'override':
            if (!agreements.has(action.agreement))
              throw new ApiError('validation_failed', `unknown agreement ${action.agreement}`, [
                { path: 'body.agreement', message: 'unknown agreement' },
              ]);
            await store.overrideVerdict({
              incident: id,
              agreement: action.agreement,
              verdict: action.verdict,
              justification: action.justification,
              analyst: who,
            });
            break;
          case 'clear_override':
            await store.clearOverride({
              incident: id,
              agreement: action.agreement,
              justification: action.justification,
              analyst: who,
            });
            break;
        }
      } catch (err) {
        mapReviewError(err);
      }
      const after = await getIncident(id);
      if (!after) throw new ApiError('not_found', `no incident ${id}`);
      return after;
    },
  };
  return backend;
}
