/**
 * One agreement file beyond its schema: references to actors, zones and rules that do not exist,
 * the time zone, the country, intervals that end before they start, duplicate rule ids, the id
 * matching the file name, amendments (a rule change must name an existing rule or be a whole new
 * rule), and every zone's geometry (see check-zones.ts).
 *
 * Works on the raw data so that one bad field does not hide the problems of the others.
 */
import { type Agreement, agreementSchema, ruleSchema } from '../domain/agreement.js';
import { isValidTimeZone } from '../domain/time.js';
import { isKnownCountryCode } from '../geo/index.js';
import { checkUntilAfterFrom } from './check-actors.js';
import { checkZone, type ZoneContext } from './check-zones.js';
import { didYouMean } from './did-you-mean.js';
import type { Areal } from './geojson-zone.js';
import { dataAt } from './schema-walk.js';
import type { PathSeg, SourceFile } from './source-file.js';
import { reportIssues, validateAt } from './zod-problems.js';

export interface AgreementResult {
  agreement: Agreement | undefined;
  /** `zoneId` or `zoneId@amendmentIndex` -> resolved geometry (file and polygon zones) */
  geometries: Map<string, Areal>;
}

const obj = (v: unknown): Record<string, unknown> | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

let zoneNames: string[] | undefined;
function timeZones(): string[] {
  zoneNames ??= Intl.supportedValuesOf('timeZone');
  return zoneNames;
}

export async function checkAgreement(
  src: SourceFile,
  data: unknown,
  ctx: {
    actorIds: Set<string> | undefined;
    fileStem: string;
    readZoneFile: ZoneContext['readZoneFile'];
    zoneFileCache: ZoneContext['zoneFileCache'];
  },
): Promise<AgreementResult> {
  const geometries = new Map<string, Areal>();
  const root = obj(data);
  if (!root) {
    src.add([], 'invalid-type', 'an agreement file must be a mapping (id, title, parties, zones, rules...)');
    return { agreement: undefined, geometries };
  }
  const agreement = validateAt(src, agreementSchema, data);

  if (typeof root.id === 'string' && root.id !== ctx.fileStem) {
    src.add(['id'], 'id-file-mismatch', `id \`${root.id}\` differs from the file name \`${ctx.fileStem}.yaml\``, {
      severity: 'warning',
    });
  }
  let tz = 'UTC';
  if (typeof root.tz === 'string') {
    if (isValidTimeZone(root.tz)) tz = root.tz;
    else
      src.add(['tz'], 'unknown-time-zone', `unknown IANA time zone \`${root.tz}\`${didYouMean(root.tz, timeZones())}`);
  }
  const country = typeof root.country === 'string' && /^[A-Z]{2}$/.test(root.country) ? root.country : undefined;
  if (country && !isKnownCountryCode(country)) {
    src.add(
      ['country'],
      'unknown-country',
      `unknown country code \`${country}\` (ISO 3166-1 alpha-2 of the built-in boundaries)`,
    );
  }
  if (obj(root.in_force)) checkUntilAfterFrom(src, root.in_force, ['in_force'], tz);

  const actor = (v: unknown, path: PathSeg[]) => {
    if (ctx.actorIds && typeof v === 'string' && !ctx.actorIds.has(v)) {
      src.add(path, 'unknown-actor', `unknown actor \`${v}\`${didYouMean(v, ctx.actorIds)}`);
    }
  };
  const actors = (v: unknown, path: PathSeg[]) =>
    list(v).forEach((a, i) => {
      actor(a, [...path, i]);
    });
  const partyEntries = (v: unknown, path: PathSeg[]) =>
    list(v).forEach((e, i) => {
      if (typeof e === 'string') actor(e, [...path, i]);
      else if (obj(e)) {
        actor(obj(e)?.id, [...path, i, 'id']);
        checkUntilAfterFrom(src, e, [...path, i], tz);
      }
    });
  const guarantors = (v: unknown, path: PathSeg[]) =>
    list(v).forEach((g, i) => {
      actor(dataAt(g, ['actor']), [...path, i, 'actor']);
      actors(dataAt(g, ['answers_for']), [...path, i, 'answers_for']);
    });

  const parties = obj(root.parties);
  if (parties) {
    partyEntries(parties.bound, ['parties', 'bound']);
    partyEntries(parties.excluded, ['parties', 'excluded']);
    guarantors(parties.guarantors, ['parties', 'guarantors']);
  }

  // zones: base, then each amendment's (visible from that amendment on)
  const zctx: ZoneContext = { src, country, readZoneFile: ctx.readZoneFile, zoneFileCache: ctx.zoneFileCache };
  const zoneIds = new Set<string>();
  for (const [id, spec] of Object.entries(obj(root.zones) ?? {})) {
    zoneIds.add(id);
    const g = await checkZone(zctx, spec, ['zones', id]);
    if (g) geometries.set(id, g);
  }
  const amendments = list(root.amendments);

  // rule ids: base rules, and new rules added by amendments (a phase may enable a later rule)
  const ruleIds = new Set<string>();
  const baseRules = new Map<string, Record<string, unknown>>();
  list(root.rules).forEach((r, i) => {
    const id = obj(r)?.id;
    if (typeof id !== 'string') return;
    if (ruleIds.has(id)) src.add(['rules', i, 'id'], 'duplicate-id', `rule \`${id}\` is already defined`);
    ruleIds.add(id);
    baseRules.set(id, obj(r)!);
  });
  for (const a of amendments) {
    for (const r of list(obj(a)?.rules)) {
      const rr = obj(r);
      if (rr && typeof rr.id === 'string' && typeof rr.kind === 'string' && !baseRules.has(rr.id)) ruleIds.add(rr.id);
    }
  }

  const checkRuleRefs = (r: unknown, path: PathSeg[], zones: Set<string>) => {
    const rule = obj(r);
    if (!rule) return;
    actors(rule.who, [...path, 'who']);
    actors(rule.quiet_parties, [...path, 'quiet_parties']);
    for (const key of ['where', 'from'] as const) {
      const z = rule[key];
      // `from` is a zone only in withdrawal rules (elsewhere it is not a rule field at all)
      if (key === 'from' && rule.kind !== undefined && rule.kind !== 'withdrawal') continue;
      if (typeof z === 'string' && !zones.has(z)) {
        src.add([...path, key], 'unknown-zone', `unknown zone \`${z}\`${didYouMean(z, zones)}`);
      }
    }
    list(rule.enables).forEach((e, j) => {
      if (typeof e === 'string' && !ruleIds.has(e)) {
        src.add([...path, 'enables', j], 'unknown-rule', `unknown rule \`${e}\`${didYouMean(e, ruleIds)}`);
      }
    });
  };
  list(root.rules).forEach((r, i) => {
    checkRuleRefs(r, ['rules', i], zoneIds);
  });

  const visibleZones = new Set(zoneIds);
  const knownRules = new Map(baseRules);
  for (let ai = 0; ai < amendments.length; ai++) {
    const am = obj(amendments[ai]);
    if (!am) continue;
    const base: PathSeg[] = ['amendments', ai];
    for (const [id, spec] of Object.entries(obj(am.zones) ?? {})) {
      visibleZones.add(id);
      const g = await checkZone(zctx, spec, [...base, 'zones', id]);
      if (g) geometries.set(`${id}@${ai}`, g);
    }
    const ap = obj(am.parties);
    if (ap) {
      partyEntries(ap.bound_add, [...base, 'parties', 'bound_add']);
      partyEntries(ap.excluded_add, [...base, 'parties', 'excluded_add']);
      actors(ap.bound_remove, [...base, 'parties', 'bound_remove']);
      actors(ap.excluded_remove, [...base, 'parties', 'excluded_remove']);
      guarantors(ap.guarantors_add, [...base, 'parties', 'guarantors_add']);
    }
    list(am.rules).forEach((r, j) => {
      const change = obj(r);
      const path: PathSeg[] = [...base, 'rules', j];
      if (!change || typeof change.id !== 'string') return;
      const existing = knownRules.get(change.id);
      if (existing) {
        // a change: the merged rule must still be a valid rule of its kind
        const merged = { ...existing, ...change };
        const parsed = ruleSchema.safeParse(merged);
        if (!parsed.success) {
          // report only what this change wrote; the base rule's own issues are reported there
          const issues = parsed.error.issues.flatMap((is) => {
            if (is.path.length === 0 && is.code === 'unrecognized_keys') {
              const keys = is.keys.filter((k) => k in change);
              return keys.length > 0 ? [{ ...is, keys }] : [];
            }
            return is.path.length > 0 && String(is.path[0]) in change ? [is] : [];
          });
          reportIssues(src, ruleSchema, merged, path, issues);
        }
        knownRules.set(change.id, merged);
      } else if (change.kind === undefined) {
        src.add(
          [...path, 'id'],
          'unknown-rule',
          `unknown rule \`${change.id}\` (a new rule needs a \`kind\`)${didYouMean(change.id, knownRules.keys())}`,
        );
        return;
      } else {
        validateAt(src, ruleSchema, change, path);
        knownRules.set(change.id, change);
      }
      checkRuleRefs(change, path, visibleZones);
    });
  }
  // amendments are recorded in the order they take effect (formats.md §3)
  let previous: { at: number; i: number } | undefined;
  amendments.forEach((a, i) => {
    const b = checkUntilAfterFrom(src, a, ['amendments', i], tz);
    if (!b || !Number.isFinite(b[0])) return;
    if (previous && b[0] < previous.at) {
      src.add(
        ['amendments', i, 'from'],
        'amendment-order',
        `amendments must be in time order: this one takes effect before amendments[${previous.i}]`,
      );
    }
    previous = { at: b[0], i };
  });

  // a rule's `document` is an index into `documents`
  const documentCount = list(root.documents).length;
  list(root.rules).forEach((r, i) => {
    const d = obj(r)?.document;
    if (typeof d === 'number' && Number.isInteger(d) && d >= documentCount) {
      src.add(
        ['rules', i, 'document'],
        'invalid-value',
        `document ${d} does not exist: documents has ${documentCount} entries (counted from 0)`,
      );
    }
  });
  return { agreement, geometries };
}
