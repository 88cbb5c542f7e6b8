/**
 * One agreement compiled for adjudication: its time in force, its versions (amendments), its
 * phases, and two kinds of precomputed tables the hot loop reads instead of re-deriving facts:
 *
 * - party tables, one per time segment: between two consecutive instants at which anything about
 *   parties can change (an amendment, a party joining or leaving, a coalition membership starting
 *   or ending), who is bound (and through which coalition), who is excluded (directly or as an
 *   affiliate) and which guarantor answers, for every actor class;
 * - rule sets, one per version and set of completed phases: for every registry zone, the
 *   cessation rule that puts it in scope and the enabled strike_zone rule that covers it.
 */
import type { Agreement, PartyEntry, Rule } from '../../domain/agreement.js';
import { AgreementError, type AgreementVersion, buildVersions, entryId } from './agreement-versions.js';
import type { AreaGeometry } from './geometry-source.js';
import type { PartyResolver } from './party-resolver.js';
import { boundaryAt } from './time-cache.js';
import type { ZoneRegistry } from './zone-registry.js';

/** scopeRule value of the country fallback (an agreement with no cessation rule). */
export const COUNTRY_SCOPE = 0x7fff;

export interface RuleSet {
  version: AgreementVersion;
  /** per registry zone: index (in version.rules) of the cessation rule that puts it in scope, COUNTRY_SCOPE, or -1 */
  scopeRule: Int16Array;
  /** per registry zone: index of an enabled strike_zone rule covering it, or -1 */
  strikeRule: Int16Array;
  /** indices of enabled strike_zone rules, in rule order */
  strikeRules: number[];
  /** per registry zone: the zone id the agreement uses for it (for reasons) */
  zoneName: Map<number, string>;
}

export interface PartyTable {
  /** per class: class of the listed entry through which it is bound (itself or a coalition), -1 */
  boundVia: Int32Array;
  /** per class: class of the listed excluded actor (itself, or the one it is an affiliate of), -1 */
  excludedVia: Int32Array;
  /** per class: actor code of the guarantor that answers for it, -1 */
  guarantor: Int32Array;
}

export interface PhaseDef {
  id: string;
  days: number;
  quiet: string[];
  enables: Set<string>;
  rule: Rule & { kind: 'phase' };
}

export class CompiledAgreement {
  readonly id: string;
  readonly agreement: Agreement;
  readonly tz: string;
  /** index of `tz` among the adjudicator's time zones (incident columns per zone) */
  tzIndex = 0;
  readonly from: number;
  readonly until: number;
  readonly versions: AgreementVersion[];
  readonly versionFrom: Float64Array;
  /** sorted change instants; segment s is [breaks[s-1], breaks[s]) */
  readonly breaks: Float64Array;
  readonly tables: PartyTable[];
  readonly segmentVersion: Int32Array;
  readonly phases: PhaseDef[];
  /** completion instant T of each phase (Infinity until known); set by the phase schedule */
  readonly phaseAt: Float64Array;
  private readonly ruleSets = new Map<number, RuleSet>();
  private readonly registry: ZoneRegistry;
  private readonly parties: PartyResolver;
  private readonly zoneIndex = new Map<string, number>();
  readonly countryZone: number;
  /** "in force since ...", computed once */
  inForceReason = '';

  constructor(
    agreement: Agreement,
    parties: PartyResolver,
    registry: ZoneRegistry,
    resolvedZones?: ReadonlyMap<string, AreaGeometry>,
  ) {
    this.id = agreement.id;
    this.agreement = agreement;
    this.tz = agreement.tz;
    this.parties = parties;
    this.registry = registry;
    this.from = boundaryAt(agreement.in_force.from, this.tz);
    this.until = agreement.in_force.until === undefined ? Infinity : boundaryAt(agreement.in_force.until, this.tz);
    this.versions = buildVersions(agreement);
    this.versionFrom = Float64Array.from(this.versions.map((v) => v.from));
    this.countryZone = registry.addCountry(agreement.country);
    // register every zone of every version now, so the registry's index is complete before use
    this.versions.forEach((v, k) => {
      for (const [zid, spec] of Object.entries(v.zones)) {
        const origin = v.zoneOrigin[zid];
        const key = origin < 0 ? `${this.id}/${zid}` : `${this.id}/${zid}@${origin}`;
        const resolved = resolvedZones?.get(key);
        this.zoneIndex.set(`${k}/${zid}`, registry.add(spec, resolved));
      }
    });

    this.versions.forEach((v, k) => {
      for (const r of v.rules) {
        const zid = r.kind === 'withdrawal' ? r.from : 'where' in r ? r.where : undefined;
        if (zid !== undefined) this.zone(k, zid);
      }
    });

    const phaseById = new Map<string, PhaseDef>();
    for (const v of this.versions) {
      for (const r of v.rules) {
        if (r.kind === 'phase' && !phaseById.has(r.id)) {
          phaseById.set(r.id, {
            id: r.id,
            days: r.after_quiet_days,
            quiet: r.quiet_parties,
            enables: new Set(r.enables),
            rule: r,
          });
        }
      }
    }
    this.phases = [...phaseById.values()];
    if (this.phases.length > 16) throw new AgreementError(`agreement ${this.id}: more than 16 phases`);
    this.phaseAt = new Float64Array(this.phases.length).fill(Infinity);

    const cuts = new Set<number>();
    const add = (v: string | Date | undefined) => {
      if (v !== undefined) cuts.add(boundaryAt(v, this.tz));
    };
    cuts.add(this.from);
    if (Number.isFinite(this.until)) cuts.add(this.until);
    for (const v of this.versions) {
      if (Number.isFinite(v.from)) cuts.add(v.from);
      for (const e of [...v.bound, ...v.excluded]) {
        if (typeof e !== 'string') {
          add(e.from);
          add(e.until);
        }
      }
    }
    for (const t of parties.changeTimes()) add(t);
    this.breaks = Float64Array.from([...cuts].sort((a, b) => a - b));
    const n = this.breaks.length + 1;
    this.tables = [];
    this.segmentVersion = new Int32Array(n);
    for (let s = 0; s < n; s++) {
      const t = s === 0 ? -Infinity : this.breaks[s - 1];
      const vk = this.versionIndexAt(t);
      this.segmentVersion[s] = vk;
      this.tables.push(this.partyTable(this.versions[vk], t));
    }
  }

  versionIndexAt(t: number): number {
    let k = 0;
    while (k + 1 < this.versionFrom.length && this.versionFrom[k + 1] <= t) k++;
    return k;
  }

  /** Segment of instant t: the number of breaks <= t (binary search). */
  segmentAt(t: number): number {
    const b = this.breaks;
    let lo = 0;
    let hi = b.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (b[mid] <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Bit p set when phase p has completed at instant t (an incident at exactly T falls under it). */
  maskAt(t: number): number {
    let m = 0;
    for (let p = 0; p < this.phaseAt.length; p++) if (this.phaseAt[p] <= t) m |= 1 << p;
    return m;
  }

  isValidAt(e: PartyEntry, t: number): boolean {
    if (typeof e === 'string') return true;
    return (
      (e.from === undefined || boundaryAt(e.from, this.tz) <= t) &&
      (e.until === undefined || t < boundaryAt(e.until, this.tz))
    );
  }

  private partyTable(v: AgreementVersion, t: number): PartyTable {
    const P = this.parties;
    const nc = P.classCount;
    const boundVia = new Int32Array(nc).fill(-1);
    const excludedVia = new Int32Array(nc).fill(-1);
    const guarantor = new Int32Array(nc).fill(-1);
    const bound = v.bound.filter((e) => this.isValidAt(e, t)).map((e) => P.classOfId(entryId(e)));
    const excluded = v.excluded.filter((e) => this.isValidAt(e, t)).map((e) => P.classOfId(entryId(e)));
    const boundSet = new Set(bound);
    const excludedSet = new Set(excluded);
    for (let k = 0; k < nc; k++) {
      if (boundSet.has(k)) boundVia[k] = k;
      else {
        for (const c of bound) {
          if (P.membershipPath(k, c, t, this.tz)) {
            boundVia[k] = c;
            break;
          }
        }
      }
      if (excludedSet.has(k)) excludedVia[k] = k;
      else if (v.excludedAffiliates) {
        for (const a of P.affiliationsOf(k)) {
          if (excludedSet.has(a.target)) {
            excludedVia[k] = a.target;
            break;
          }
        }
      }
      guarantor[k] = this.guarantorFor(v, k, boundVia[k], t);
    }
    return { boundVia, excludedVia, guarantor };
  }

  /** The guarantor answering for class k itself, else for a coalition on its path to the listed one. */
  private guarantorFor(v: AgreementVersion, k: number, via: number, t: number): number {
    if (via < 0) return -1;
    const P = this.parties;
    const answering = (cls: number) => v.guarantors.find((g) => g.answers_for.some((id) => P.classOfId(id) === cls));
    const direct = answering(k);
    if (direct) return P.code(direct.actor);
    if (via !== k) {
      for (const m of P.membershipPath(k, via, t, this.tz) ?? []) {
        const g = answering(m.coalition);
        if (g) return P.code(g.actor);
      }
    }
    return -1;
  }

  /** The zone registry index of zone `zid` in version `k`. */
  zone(k: number, zid: string): number {
    const z = this.zoneIndex.get(`${k}/${zid}`);
    if (z === undefined)
      throw new AgreementError(`agreement ${this.id}: a rule names zone "${zid}", which the agreement does not define`);
    return z;
  }

  /** Rules of version k that apply under the phase mask (rules a phase enables wait for it). */
  ruleApplies(k: number, rule: Rule, mask: number): boolean {
    let gated = false;
    for (let p = 0; p < this.phases.length; p++) {
      if (!this.phases[p].enables.has(rule.id)) continue;
      if (!this.versions[k].rules.some((r) => r.id === this.phases[p].id)) continue;
      gated = true;
      if (mask & (1 << p)) return true;
    }
    return !gated;
  }

  /**
   * Every registry zone that can put an incident in scope, in any version under any phase mask (a
   * superset of each rule set's scopeRule >= 0, as buildRuleSet decides it). An incident none of
   * whose candidate zones is listed here is outside the scope at every instant: not_applicable.
   */
  scopeZones(): number[] {
    const zones = new Set<number>();
    this.versions.forEach((v, k) => {
      let cessations = 0;
      for (const r of v.rules) {
        if (r.kind !== 'cessation') continue;
        cessations++;
        zones.add(r.where === undefined ? this.countryZone : this.zone(k, r.where));
      }
      if (cessations === 0) zones.add(this.countryZone);
    });
    return [...zones].sort((x, y) => x - y);
  }

  ruleSet(k: number, mask: number): RuleSet {
    const key = k * 65536 + mask;
    let rs = this.ruleSets.get(key);
    if (!rs) {
      rs = this.buildRuleSet(k, mask);
      this.ruleSets.set(key, rs);
    }
    return rs;
  }

  private buildRuleSet(k: number, mask: number): RuleSet {
    const v = this.versions[k];
    const n = this.registry.entries.length;
    const scopeRule = new Int16Array(n).fill(-1);
    const strikeRule = new Int16Array(n).fill(-1);
    const zoneName = new Map<number, string>();
    const strikeRules: number[] = [];
    let cessations = 0;
    v.rules.forEach((r, i) => {
      if (r.kind === 'cessation') cessations++;
      if (!this.ruleApplies(k, r, mask)) return;
      if (r.kind === 'cessation') {
        const z = r.where === undefined ? this.countryZone : this.zone(k, r.where);
        if (scopeRule[z] < 0) scopeRule[z] = i;
        if (!zoneName.has(z)) zoneName.set(z, r.where ?? this.agreement.country);
      } else if (r.kind === 'strike_zone') {
        const z = this.zone(k, r.where);
        if (strikeRule[z] < 0) strikeRule[z] = i;
        if (!zoneName.has(z)) zoneName.set(z, r.where);
        strikeRules.push(i);
      }
    });
    if (cessations === 0) {
      scopeRule[this.countryZone] = COUNTRY_SCOPE;
      if (!zoneName.has(this.countryZone)) zoneName.set(this.countryZone, this.agreement.country);
    }
    return { version: v, scopeRule, strikeRule, strikeRules, zoneName };
  }
}
