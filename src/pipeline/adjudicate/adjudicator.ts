/**
 * The adjudicator: every incident against every agreement (formats.md §5), in two passes.
 *
 * 1. The phase schedule. A phase completes at the first instant T that follows N quiet days
 *    (formats.md §3); whether a violation happened depends on which rules were enabled, i.e. on
 *    earlier completions. So the agreements that have phases are run over their incidents in time
 *    order, counting each violation at its instant (an interval at its end), which fixes every T.
 * 2. The findings. With every T known, each verdict depends only on its own incident, so the
 *    incidents are judged in output order (time, then id) and the findings streamed out. Input
 *    order never matters.
 */
import type { Actor } from '../../domain/actor.js';
import type { Agreement } from '../../domain/agreement.js';
import type { Finding } from '../../domain/finding.js';
import type { Incident } from '../../domain/incident.js';
import { CompiledAgreement } from './compiled-agreement.js';
import type { ComplianceRow } from './compliance-series.js';
import { type AreaGeometry, type GeometrySource, workspaceGeometrySource } from './geometry-source.js';
import { IncidentColumns } from './incident-columns.js';
import { IncidentSite } from './incident-site.js';
import { Judge } from './judge.js';
import { PartyResolver } from './party-resolver.js';
import { schedulePhases } from './phase-schedule.js';
import { inForce } from './reasons.js';
import { ScopeIndex } from './scope-index.js';
import { sortedOrder } from './sort-order.js';
import {
  NOT_APPLICABLE,
  newOutcome,
  type Outcome,
  PERMITTED,
  UNDETERMINED,
  VERDICT_NAMES,
  VIOLATION,
} from './verdict.js';
import { ZoneRegistry } from './zone-registry.js';

/** What the adjudicator needs from a workspace (the workspace loader's result satisfies it). */
export interface AdjudicationWorkspace {
  dir?: string;
  actors: readonly Actor[];
  agreements: readonly Agreement[];
  /** zone geometries the loader already read, keyed "agreementId/zoneId" */
  zoneGeometries?: ReadonlyMap<string, AreaGeometry>;
}

export interface AdjudicatorOptions {
  /** country/admin boundaries and the gazetteer (defaults: zone files from `dir` only) */
  geometry?: Partial<GeometrySource>;
}

export interface AdjudicationStats {
  incidents: number;
  /** incident x agreement pairs judged */
  evaluations: number;
  /** findings per verdict, in VERDICT_NAMES order */
  verdicts: [number, number, number, number];
}

export class Adjudicator {
  readonly agreements: CompiledAgreement[];
  readonly timeZones: string[];
  /** the index of 'UTC' in timeZones: findings are ordered by the UTC start of the interval */
  private readonly utcIndex: number;
  readonly parties: PartyResolver;
  readonly registry: ZoneRegistry;
  readonly geometry: GeometrySource;
  /** where the focused incident is (obligations read containment through it) */
  readonly site: IncidentSite;
  private readonly judge: Judge;
  /** which agreements each zone can put in scope: most pairs are not_applicable without judging */
  readonly scope: ScopeIndex;
  /** per agreement and phase: the violations that restarted the quiet days, from the last schedule */
  readonly phaseResets = new Map<string, number[]>();

  constructor(workspace: AdjudicationWorkspace, options: AdjudicatorOptions = {}) {
    this.geometry = workspaceGeometrySource(workspace.dir, options.geometry);
    const agreements = [...workspace.agreements].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
    const named = new Set<string>();
    for (const a of agreements) {
      const entries = [
        ...a.parties.bound,
        ...(a.parties.excluded ?? []),
        ...(a.amendments ?? []).flatMap((m) => [...(m.parties?.bound_add ?? []), ...(m.parties?.excluded_add ?? [])]),
      ];
      for (const e of entries) named.add(typeof e === 'string' ? e : e.id);
      for (const g of [
        ...(a.parties.guarantors ?? []),
        ...(a.amendments ?? []).flatMap((m) => m.parties?.guarantors_add ?? []),
      ]) {
        named.add(g.actor);
        for (const f of g.answers_for) named.add(f);
      }
      for (const r of a.rules ?? []) if (r.kind === 'phase') for (const q of r.quiet_parties) named.add(q);
    }
    this.parties = new PartyResolver(workspace.actors as Actor[], named);
    this.registry = new ZoneRegistry(this.geometry);
    this.agreements = agreements.map(
      (a) => new CompiledAgreement(a, this.parties, this.registry, workspace.zoneGeometries),
    );
    this.timeZones = [...new Set(this.agreements.map((a) => a.tz))];
    // output order uses UTC intervals, so that it depends on no agreement (formats.md §7)
    if (!this.timeZones.includes('UTC')) this.timeZones.push('UTC');
    this.utcIndex = this.timeZones.indexOf('UTC');
    for (const a of this.agreements) {
      a.tzIndex = this.timeZones.indexOf(a.tz);
      a.inForceReason = inForce(a);
    }
    this.site = new IncidentSite(this.registry, (code) => this.geometry.admin(code));
    this.judge = new Judge(this.parties, this.site);
    this.scope = new ScopeIndex(this.agreements, this.registry);
  }

  /** Empty columns bound to this adjudicator's actor codes and time zones. */
  newColumns(): IncidentColumns {
    return new IncidentColumns({
      timeZones: this.timeZones,
      actorCode: (id) => this.parties.code(id),
      place: (name) => this.geometry.place(name),
    });
  }

  /** Columns from incident objects already valid against incidentSchema. */
  columnsOf(incidents: Iterable<Incident>): IncidentColumns {
    const cols = this.newColumns();
    let line = 0;
    for (const inc of incidents) {
      const problem = cols.add(inc, ++line);
      if (problem) throw new Error(`incident ${inc.id}: ${problem}`);
    }
    return cols;
  }

  /** All findings (not_applicable ones only with `all`), sorted by incident time, id, agreement. */
  adjudicate(incidents: Iterable<Incident> | IncidentColumns, options: { all?: boolean } = {}): Finding[] {
    const cols = incidents instanceof IncidentColumns ? incidents : this.columnsOf(incidents);
    const out: Finding[] = [];
    this.forEachFinding(cols, (f) => out.push(f), options);
    return out;
  }

  /** Streams findings in output order; returns counts. */
  forEachFinding(
    cols: IncidentColumns,
    emit: (f: Finding) => void,
    options: { all?: boolean } = {},
  ): AdjudicationStats {
    const it = this.findings(cols, options);
    for (;;) {
      const r = it.next();
      if (r.done) return r.value;
      emit(r.value);
    }
  }

  /**
   * The findings in output order (time, id, agreement id), as a generator so that a writer can
   * respect back-pressure; its return value is the counts.
   */
  *findings(cols: IncidentColumns, options: { all?: boolean } = {}): Generator<Finding, AdjudicationStats> {
    this.schedulePhases(cols);
    const order = this.outputOrder(cols);
    const stats: AdjudicationStats = { incidents: cols.count, evaluations: 0, verdicts: [0, 0, 0, 0] };
    const out = newOutcome();
    const judge = this.judge;
    const scope = this.scope;
    const site = this.site;
    const all = options.all === true;
    const agreements = this.agreements;
    const nAgreements = agreements.length;
    const verdicts = stats.verdicts;
    for (let k = 0; k < order.length; k++) {
      const i = order[k];
      stats.evaluations += nAgreements;
      if (all) {
        judge.focus(cols, i);
        for (let j = 0; j < nAgreements; j++) {
          const a = agreements[j];
          judge.judge(a, i, out, null);
          verdicts[out.verdict]++;
          const reasons: string[] = [];
          judge.judge(a, i, out, reasons);
          yield this.finding(cols, a, i, out, reasons);
        }
        continue;
      }
      // Row 1 without the judge when the facts are plain (exactly the judge's answer, see
      // Judge.judge), counted at the end: not hostile; outside every scope (no candidate zone of
      // the incident belongs to the agreement's scope, ScopeIndex); outside the time in force.
      if (!cols.hostile[cols.type[i]]) continue;
      judge.focus(cols, i);
      scope.mark(site);
      for (let m = 0; m < scope.markCount; m++) {
        const a = agreements[scope.marks[m]];
        const z = a.tzIndex;
        const s = cols.start[z][i];
        const e = cols.end[z][i];
        if (e < a.from || s >= a.until || (e === a.from && s < a.from)) continue;
        judge.judge(a, i, out, null);
        if (out.verdict === NOT_APPLICABLE) continue;
        verdicts[out.verdict]++;
        const reasons: string[] = [];
        judge.judge(a, i, out, reasons);
        yield this.finding(cols, a, i, out, reasons);
      }
    }
    verdicts[NOT_APPLICABLE] = stats.evaluations - verdicts[VIOLATION] - verdicts[PERMITTED] - verdicts[UNDETERMINED];
    return stats;
  }

  /**
   * The findings other than not_applicable as rows for complianceSeries (no reasons: fast path).
   * The zone is the one named by the deciding rule ("agreement/zone"), or the agreement's country.
   */
  complianceRows(cols: IncidentColumns): ComplianceRow[] {
    this.schedulePhases(cols);
    const order = this.outputOrder(cols);
    const out = newOutcome();
    const rows: ComplianceRow[] = [];
    for (let k = 0; k < order.length; k++) {
      const i = order[k];
      this.judge.focus(cols, i);
      this.scope.mark(this.site);
      for (let j = 0; j < this.agreements.length; j++) {
        if (!this.scope.marked(j)) continue;
        const a = this.agreements[j];
        this.judge.judge(a, i, out, null);
        if (out.verdict === NOT_APPLICABLE) continue;
        const where = out.rule && 'where' in out.rule ? out.rule.where : undefined;
        rows.push({
          incident: cols.ids[i],
          agreement: a.id,
          verdict: VERDICT_NAMES[out.verdict],
          party: this.partyName(cols, a, i, out.party),
          answerable: out.answerable >= 0 ? this.parties.ids[out.answerable] : null,
          zone: `${a.id}/${where ?? a.agreement.country}`,
          time: cols.start[a.tzIndex][i],
          fatalities: cols.fatalities[i] >= 0 ? cols.fatalities[i] : null,
        });
      }
    }
    return rows;
  }

  private partyName(cols: IncidentColumns, a: CompiledAgreement, i: number, code: number): string | null {
    if (code < 0) return null;
    const id = this.parties.ids[code];
    return this.parties.hasSuccession(this.parties.classOf(code))
      ? this.parties.nameAt(id, cols.start[a.tzIndex][i], a.tz)
      : id;
  }

  /** Incidents sorted by the UTC instant of their interval's start, id, then input line. */
  outputOrder(cols: IncidentColumns): Uint32Array {
    return sortedOrder(cols.start[this.utcIndex], cols.count, cols.ids, cols.line);
  }

  /** Pass 1: the completion instant of every phase (phase-schedule.ts), up to `cutoff`. */
  schedulePhases(cols: IncidentColumns, cutoff = Infinity): void {
    const { agreements, parties, judge, scope, phaseResets } = this;
    schedulePhases({ agreements, parties, judge, scope, phaseResets }, cols, cutoff);
  }

  finding(cols: IncidentColumns, a: CompiledAgreement, i: number, o: Outcome, reasons: string[]): Finding {
    const P = this.parties;
    const party = this.partyName(cols, a, i, o.party);
    const sources = cols.sources[i];
    return {
      incident: cols.ids[i],
      agreement: a.id,
      verdict: VERDICT_NAMES[o.verdict],
      rule: o.rule?.id ?? null,
      clause: o.rule?.clause ?? null,
      party,
      answerable: o.answerable >= 0 ? P.ids[o.answerable] : null,
      reasons,
      sources: sources ? JSON.parse(sources) : [],
    };
  }
}

export function createAdjudicator(workspace: AdjudicationWorkspace, options?: AdjudicatorOptions): Adjudicator {
  return new Adjudicator(workspace, options);
}
