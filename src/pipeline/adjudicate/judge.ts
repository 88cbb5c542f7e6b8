/**
 * The verdict table of formats.md §5, row by row, for one incident and one agreement.
 *
 * An incident with an exact time is judged once, by the agreement as it stood at that instant.
 * An incident whose `when` is an interval (a day, a month, a year) is cut at every instant inside
 * it where the agreement changes (the start or end of its time in force, an amendment, a party
 * joining or leaving, a membership starting or ending, a phase completing); each piece is judged
 * as if the incident happened then. When all pieces agree the facts settle it; otherwise the
 * verdict is `undetermined`. This is row 2's "the `when` interval straddles an in-force boundary",
 * generalised to every boundary that could change the answer, and nothing more: a straddle that
 * cannot change the answer (e.g. the type is not hostile) changes nothing.
 *
 * `reasons` is null in the fast path (most pairs are not_applicable and never printed) and an
 * array when the finding will be written; both paths run the same code.
 */
import { formatUtc } from '../../domain/time.js';
import { COUNTRY_SCOPE, type CompiledAgreement, type RuleSet } from './compiled-agreement.js';
import { EDGE, IN, OUT } from './containment.js';
import type { IncidentColumns } from './incident-columns.js';
import type { IncidentSite } from './incident-site.js';
import type { PartyResolver } from './party-resolver.js';
import * as R from './reasons.js';
import {
  copyOutcome,
  NOT_APPLICABLE,
  newOutcome,
  type Outcome,
  PERMITTED,
  sameOutcome,
  UNDETERMINED,
  VERDICT_NAMES,
  VIOLATION,
} from './verdict.js';

const CIVILIANS_CODE = 0;
const MAX_PIECES = 64;

export class Judge {
  private readonly parties: PartyResolver;
  private readonly site: IncidentSite;
  private cols!: IncidentColumns;
  private readonly cuts = new Float64Array(MAX_PIECES + 1);
  private readonly pieces: Outcome[] = Array.from({ length: MAX_PIECES + 1 }, newOutcome);
  /** per code: true for a descriptor meaning "not known" ("unidentified aircraft") */
  private readonly descriptorCode: (code: number) => boolean;
  /** per code: true for civilians and actors of kind civilians (formats.md §5) */
  private readonly civilianCode: (code: number) => boolean;

  constructor(parties: PartyResolver, site: IncidentSite) {
    this.parties = parties;
    this.site = site;
    const memo = new Map<number, boolean>();
    this.descriptorCode = (code) => {
      let d = memo.get(code);
      if (d === undefined) {
        d = parties.meansUnknown(parties.ids[code]);
        memo.set(code, d);
      }
      return d;
    };
    const civ = new Map<number, boolean>();
    this.civilianCode = (code) => {
      let c = civ.get(code);
      if (c === undefined) {
        c = parties.isCivilian(code);
        civ.set(code, c);
      }
      return c;
    };
  }

  /** Points the judge at incident i (locates it against the zones once for all agreements). */
  focus(cols: IncidentColumns, i: number): void {
    this.cols = cols;
    this.site.locate(cols, i);
  }

  /** Judges the focused incident i against agreement a. */
  judge(a: CompiledAgreement, i: number, out: Outcome, reasons: string[] | null): void {
    const cols = this.cols;
    const s = cols.start[a.tzIndex][i];
    const e = cols.end[a.tzIndex][i];
    if (s === e || !cols.hostile[cols.type[i]]) {
      this.judgeAt(a, i, s, out, reasons);
      return;
    }
    // cut [s, e) at every change instant strictly inside it
    let n = 0;
    this.cuts[n++] = s;
    for (let k = a.segmentAt(s); k < a.breaks.length && a.breaks[k] < e && n < MAX_PIECES; k++) {
      if (a.breaks[k] > s) this.cuts[n++] = a.breaks[k];
    }
    for (let p = 0; p < a.phaseAt.length && n < MAX_PIECES; p++) {
      if (a.phaseAt[p] > s && a.phaseAt[p] < e) this.cuts[n++] = a.phaseAt[p];
    }
    if (n === 1) {
      this.judgeAt(a, i, s, out, reasons);
      if (reasons) reasons.splice(1, 0, R.timeSpan(cols, i, a.tz, s, e));
      return;
    }
    const cuts = this.cuts;
    // insertion sort of the few cuts (no allocation in the hot loop)
    for (let k = 1; k < n; k++) {
      const v = cuts[k];
      let j = k - 1;
      while (j >= 0 && cuts[j] > v) {
        cuts[j + 1] = cuts[j];
        j--;
      }
      cuts[j + 1] = v;
    }
    let agree = true;
    for (let k = 0; k < n; k++) {
      this.judgeAt(a, i, cuts[k], this.pieces[k], null);
      if (k > 0 && !sameOutcome(this.pieces[k], this.pieces[0])) agree = false;
    }
    if (agree) {
      // the facts settle it: explain with a piece in force when there is one
      let k = 0;
      while (k < n - 1 && (cuts[k] < a.from || cuts[k] >= a.until)) k++;
      this.judgeAt(a, i, cuts[k], out, reasons);
      if (reasons) reasons.splice(1, 0, R.timeSpan(cols, i, a.tz, s, e));
      return;
    }
    // pieces disagree: undetermined, attributed as the last piece that is not not_applicable
    let last = n - 1;
    while (last > 0 && this.pieces[last].verdict === NOT_APPLICABLE) last--;
    copyOutcome(this.pieces[last], out);
    out.verdict = UNDETERMINED;
    if (reasons) {
      const at = Array.from(cuts.subarray(1, n), (t) => R.cutName(a, t)).join(', ');
      reasons.push(`${R.timeSpan(cols, i, a.tz, s, e)} and spans ${at}`);
      for (let k = 0; k < n; k++) {
        const to = k + 1 < n ? cuts[k + 1] : e;
        reasons.push(`from ${formatUtc(cuts[k])} to ${formatUtc(to)}: ${VERDICT_NAMES[this.pieces[k].verdict]}`);
      }
      const detail: string[] = [];
      this.judgeAt(a, i, cuts[last], this.pieces[MAX_PIECES], detail);
      reasons.push(...detail);
    }
  }

  /** The verdict table for the incident as if it happened at instant t. */
  private judgeAt(a: CompiledAgreement, i: number, t: number, out: Outcome, reasons: string[] | null): void {
    const cols = this.cols;
    const P = this.parties;
    out.rule = null;
    out.party = cols.by[i];
    out.answerable = -1;
    // row 1: not_applicable
    if (!cols.hostile[cols.type[i]]) {
      out.verdict = NOT_APPLICABLE;
      reasons?.push(`${cols.types[cols.type[i]]} is not a hostile act`);
      return;
    }
    if (t < a.from || t >= a.until) {
      out.verdict = NOT_APPLICABLE;
      reasons?.push(R.outOfForce(a, t));
      return;
    }
    reasons?.push(a.inForceReason);
    const seg = a.segmentAt(t);
    const k = a.segmentVersion[seg];
    if (reasons && k > 0) reasons.push(`as amended on ${formatUtc(a.versions[k].from)}`);
    const mask = a.phaseAt.length === 0 ? 0 : a.maskAt(t);
    const rs = a.ruleSet(k, mask);
    const site = this.site;
    let scope = OUT;
    let scopeZone = -1;
    for (let c = 0; c < site.count; c++) {
      const z = site.candidates[c];
      if (rs.scopeRule[z] < 0) continue;
      const st = site.classify(z);
      if (st === IN) {
        scope = IN;
        scopeZone = z;
        break;
      }
      if (st === EDGE && scope === OUT) {
        scope = EDGE;
        scopeZone = z;
      }
    }
    if (scopeZone >= 0) {
      const r = rs.scopeRule[scopeZone];
      out.rule = r === COUNTRY_SCOPE ? null : rs.version.rules[r];
    }
    if (scope === OUT) {
      out.verdict = NOT_APPLICABLE;
      reasons?.push(this.outsideScope(rs, i));
      return;
    }
    if (reasons) {
      if (rs.scopeRule[scopeZone] === COUNTRY_SCOPE)
        reasons.push(`no cessation rule: the scope is the whole of ${a.agreement.country}`);
      if (scope === IN) reasons.push(R.place(this.site, cols, i, scopeZone, rs.zoneName.get(scopeZone)!, IN));
      this.phaseReasons(a, rs, mask, reasons);
    }
    const table = a.tables[seg];
    const by = cols.by[i];
    let byUnknown = by < 0 || this.descriptorCode(by);
    let byCls = byUnknown ? -1 : P.classOf(by);
    let byVia = byCls >= 0 ? table.boundVia[byCls] : -1;
    // a vague descriptor ("opposition armed groups") the agreement does not name is an unknown
    // perpetrator (formats.md §5 row 2), like the unknown-* descriptors
    let byVague = false;
    if (!byUnknown && byVia < 0 && (byCls < 0 || table.excludedVia[byCls] < 0) && P.isVagueAt(by, t, a.tz)) {
      byUnknown = byVague = true;
      byCls = byVia = -1;
    }
    if (!byUnknown && byVia < 0) {
      out.verdict = NOT_APPLICABLE;
      if (reasons) {
        const ex = byCls >= 0 ? table.excludedVia[byCls] : -1;
        reasons.push(
          ex >= 0 ? `${R.excluded(P, P.ids[by], byCls, ex)}, not bound` : `${P.ids[by]} is not bound by this agreement`,
        );
      }
      return;
    }
    const against = cols.against[i];
    const againstUnknown = against < 0 || this.descriptorCode(against);
    const againstCivilian = !againstUnknown && this.civilianCode(against);
    let againstExcluded = false;
    let againstBound = false;
    if (!againstUnknown && !againstCivilian) {
      const cls = P.classOf(against);
      againstBound = cls >= 0 && table.boundVia[cls] >= 0;
      againstExcluded = cls >= 0 && table.excludedVia[cls] >= 0;
      if (!againstBound && !againstExcluded) {
        out.verdict = NOT_APPLICABLE;
        reasons?.push(`${P.ids[against]} is neither bound nor excluded`);
        return;
      }
    }
    if (byVia >= 0) out.answerable = table.guarantor[byCls];
    // row 2: undetermined
    if (scope === EDGE) {
      out.verdict = UNDETERMINED;
      reasons?.push(R.place(this.site, cols, i, scopeZone, rs.zoneName.get(scopeZone)!, EDGE));
      return;
    }
    if (byUnknown) {
      out.verdict = UNDETERMINED;
      out.party = -1;
      reasons?.push(
        by < 0
          ? 'the perpetrator is unknown'
          : byVague
            ? `the perpetrator is unidentified (${P.ids[by]} is a vague descriptor that names no actor)`
            : `the perpetrator is unidentified (${P.ids[by]})`,
      );
      return;
    }
    if (reasons) this.byReasons(a, i, t, byCls, byVia, out.answerable, reasons);
    if (againstExcluded) {
      // rows 3 and 4 for strikes on excluded actors: the enabled strike zones decide
      const cls = P.classOf(against);
      reasons?.push(R.excluded(P, this.label(a, against, t), cls, table.excludedVia[cls]));
      if (rs.strikeRules.length === 0) {
        out.verdict = PERMITTED;
        reasons?.push('no strike zone is enabled: strikes on excluded actors are permitted throughout the scope');
        return;
      }
      let edgeZone = -1;
      for (let c = 0; c < site.count; c++) {
        const z = site.candidates[c];
        const r = rs.strikeRule[z];
        if (r < 0) continue;
        const st = site.classify(z);
        if (st === IN) {
          out.verdict = PERMITTED;
          out.rule = rs.version.rules[r];
          reasons?.push(R.place(this.site, cols, i, z, rs.zoneName.get(z)!, IN, 'strike zone'));
          return;
        }
        if (st === EDGE && edgeZone < 0) edgeZone = z;
      }
      if (edgeZone >= 0) {
        out.verdict = UNDETERMINED;
        out.rule = rs.version.rules[rs.strikeRule[edgeZone]];
        reasons?.push(R.place(this.site, cols, i, edgeZone, rs.zoneName.get(edgeZone)!, EDGE, 'strike zone'));
        return;
      }
      out.verdict = VIOLATION;
      out.rule = rs.version.rules[rs.strikeRules[0]];
      if (reasons) {
        const names = rs.strikeRules.map((r) => (rs.version.rules[r] as { where: string }).where);
        reasons.push(`outside every enabled strike zone (${[...new Set(names)].join(', ')})`);
      }
      return;
    }
    // row 4: bound against bound, civilians or unknown
    out.verdict = VIOLATION;
    if (reasons) {
      if (againstUnknown)
        reasons.push(against < 0 ? 'the target is unknown' : `the target is unidentified (${P.ids[against]})`);
      else if (against === CIVILIANS_CODE) reasons.push('civilians are protected');
      else if (againstCivilian) reasons.push(`${P.ids[against]} are civilians`, 'civilians are protected');
      else {
        const cls = P.classOf(against);
        reasons.push(R.bound(a, P, this.label(a, against, t), cls, table.boundVia[cls], t));
      }
    }
  }

  /** An actor as written, with the name it had at t when that differs ("jfs (known as hts since ...)"). */
  private label(a: CompiledAgreement, code: number, t: number): string {
    const P = this.parties;
    const written = P.ids[code];
    if (!P.hasSuccession(P.classOf(code))) return written;
    const name = P.nameAt(written, t, a.tz);
    if (name === written) return written;
    const since = P.renamedOn(name);
    return `${written} (known as ${name}${since !== undefined ? ` since ${R.when(since)}` : ''})`;
  }

  private outsideScope(rs: RuleSet, i: number): string {
    const names = [...rs.zoneName.entries()].filter(([z]) => rs.scopeRule[z] >= 0).map(([, n]) => n);
    if (names.length === 0) return 'no cessation rule applies yet';
    const site = this.site;
    for (let c = 0; c < site.count; c++) {
      const z = site.candidates[c];
      if (rs.scopeRule[z] >= 0) return R.place(this.site, this.cols, i, z, rs.zoneName.get(z)!, OUT);
    }
    return `outside the scope (${names.join(', ')})`;
  }

  private phaseReasons(a: CompiledAgreement, rs: RuleSet, mask: number, reasons: string[]): void {
    for (let p = 0; p < a.phases.length; p++) {
      if (!(mask & (1 << p))) continue;
      if (!rs.version.rules.some((r) => a.phases[p].enables.has(r.id))) continue;
      reasons.push(`phase ${a.phases[p].id} completed at ${formatUtc(a.phaseAt[p])}`);
    }
  }

  private byReasons(
    a: CompiledAgreement,
    i: number,
    t: number,
    cls: number,
    via: number,
    answerable: number,
    reasons: string[],
  ): void {
    const P = this.parties;
    const written = P.ids[this.cols.by[i]];
    const name = P.hasSuccession(cls) ? P.nameAt(written, t, a.tz) : written;
    const renamed = R.renamed(P, written, name);
    if (renamed) reasons.push(renamed);
    reasons.push(R.bound(a, P, name, cls, via, t));
    if (answerable >= 0) {
      const forWhom = via === cls ? name : P.classMembers[via][0];
      const g = a.versions[a.versionIndexAt(t)].guarantors.find(
        (x) => P.code(x.actor) === answerable && x.answers_for.some((f) => P.classOfId(f) === cls),
      );
      reasons.push(`${P.ids[answerable]} answers for ${g ? name : forWhom}`);
    }
  }
}
