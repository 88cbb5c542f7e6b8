/**
 * An agreement as amended (formats.md §3): amendments are applied in order, each at its `from`
 * instant, and an incident is judged by the version in effect at its time. Each version is a
 * complete snapshot (rules, zones, parties, guarantors), so nothing downstream replays history.
 *
 * Rule changes name a rule by id and change the named fields, or add a new rule; the result must
 * still be a valid rule (an amendment cannot produce what a monitor could not have written).
 */
import type { Agreement, PartyEntry, Rule } from '../../domain/agreement.js';
import { ruleSchema } from '../../domain/agreement.js';
import { parseBoundary } from '../../domain/time.js';
import type { ZoneSpec } from '../../domain/zone.js';

export interface Guarantor {
  actor: string;
  answers_for: string[];
}

export interface AgreementVersion {
  /** instant from which this version applies; -Infinity for the text as signed */
  from: number;
  /** index in `amendments`, -1 for the text as signed */
  amendment: number;
  rules: Rule[];
  zones: Record<string, ZoneSpec>;
  /** where each zone was defined: -1 the text as signed, else the index in `amendments` */
  zoneOrigin: Record<string, number>;
  bound: PartyEntry[];
  excluded: PartyEntry[];
  guarantors: Guarantor[];
  excludedAffiliates: boolean;
}

export class AgreementError extends Error {}

const entryId = (e: PartyEntry): string => (typeof e === 'string' ? e : e.id);

export function buildVersions(agreement: Agreement): AgreementVersion[] {
  const base: AgreementVersion = {
    from: -Infinity,
    amendment: -1,
    rules: agreement.rules ?? [],
    zones: agreement.zones ?? {},
    zoneOrigin: Object.fromEntries(Object.keys(agreement.zones ?? {}).map((z) => [z, -1])),
    bound: agreement.parties.bound,
    excluded: agreement.parties.excluded ?? [],
    guarantors: agreement.parties.guarantors ?? [],
    excludedAffiliates: agreement.parties.excluded_affiliates === true,
  };
  const order = (agreement.amendments ?? [])
    .map((a, i) => ({ a, i, at: parseBoundary(a.from, agreement.tz) }))
    .sort((x, y) => x.at - y.at || x.i - y.i);
  const versions = [base];
  for (const { a, i, at } of order) {
    const prev = versions[versions.length - 1];
    const rules = [...prev.rules];
    for (const change of a.rules ?? []) {
      const k = rules.findIndex((r) => r.id === change.id);
      const merged = k >= 0 ? { ...rules[k], ...change } : change;
      const parsed = ruleSchema.safeParse(merged);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new AgreementError(
          `agreement ${agreement.id}: amendment ${i + 1} (from ${String(a.from)}): rule ${change.id}: ${issue.path.join('.') || 'rule'}: ${issue.message}`,
        );
      }
      if (k >= 0) rules[k] = parsed.data;
      else rules.push(parsed.data);
    }
    const p = a.parties ?? {};
    const removeBound = new Set(p.bound_remove ?? []);
    const removeExcluded = new Set(p.excluded_remove ?? []);
    versions.push({
      from: at,
      amendment: i,
      rules,
      zones: { ...prev.zones, ...(a.zones ?? {}) },
      zoneOrigin: { ...prev.zoneOrigin, ...Object.fromEntries(Object.keys(a.zones ?? {}).map((z) => [z, i])) },
      bound: [...prev.bound.filter((e) => !removeBound.has(entryId(e))), ...(p.bound_add ?? [])],
      excluded: [...prev.excluded.filter((e) => !removeExcluded.has(entryId(e))), ...(p.excluded_add ?? [])],
      guarantors: [...prev.guarantors, ...(p.guarantors_add ?? [])],
      excludedAffiliates: prev.excludedAffiliates,
    });
  }
  return versions;
}

export { entryId };
