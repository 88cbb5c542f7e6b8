/** Workspace agreements -> the API's agreement shapes (schemas/agreement.ts). */
import type { Actor } from '../../domain/actor.js';
import type { Agreement, PartyEntry } from '../../domain/agreement.js';
import { parseBoundary } from '../../domain/time.js';
import type { ActorRef } from '../backend.js';
import type { AgreementDetail, AgreementSummary } from '../schemas/agreement.js';
import type { ZoneFeature } from '../../services/agreement-zones.js';

const text = (v: unknown): string | null =>
  v === undefined || v === null ? null : v instanceof Date ? v.toISOString() : String(v);

export function actorRef(actors: Map<string, Actor>, id: string): ActorRef {
  const a = actors.get(id);
  return {
    id,
    name: a?.name ?? (id === 'civilians' ? 'Civilians' : id),
    kind: a?.kind ?? (id === 'civilians' ? 'civilians' : null),
  };
}

function period(actors: Map<string, Actor>, e: PartyEntry) {
  if (typeof e === 'string') return { ...actorRef(actors, e), from: null, until: null };
  return { ...actorRef(actors, e.id), from: text(e.from), until: text(e.until) };
}

function boundary(v: unknown, tz: string): number | null {
  try {
    return v === undefined || v === null ? null : parseBoundary(v instanceof Date ? v : String(v), tz);
  } catch {
    return null;
  }
}

export function statusNow(a: Agreement, now = Date.now()): AgreementSummary['status'] {
  const from = boundary(a.in_force.from, a.tz);
  const until = boundary(a.in_force.until, a.tz);
  if (from !== null && now < from) return 'not_yet_in_force';
  if (until !== null && now >= until) return 'ended';
  return 'in_force';
}

export function agreementSummary(a: Agreement, now = Date.now()): AgreementSummary {
  const zoneIds = new Set(Object.keys(a.zones ?? {}));
  for (const am of a.amendments ?? []) for (const id of Object.keys(am.zones ?? {})) zoneIds.add(id);
  return {
    id: a.id,
    title: a.title,
    short_name: a.short_name ?? null,
    country: a.country,
    signed: text(a.signed),
    in_force: { from: text(a.in_force.from)!, until: text(a.in_force.until) },
    tz: a.tz,
    status: statusNow(a, now),
    counts: {
      bound: a.parties.bound.length,
      guarantors: a.parties.guarantors?.length ?? 0,
      excluded: a.parties.excluded?.length ?? 0,
      rules: a.rules?.length ?? 0,
      zones: zoneIds.size,
    },
  };
}

type Dynamic = Pick<AgreementDetail, 'status_history' | 'obligations' | 'claims'>;

export function agreementDetail(
  a: Agreement,
  actors: Map<string, Actor>,
  dynamic: Dynamic,
  zones: ZoneFeature[],
): AgreementDetail {
  const amendedBy = new Map<string, string[]>();
  for (const am of a.amendments ?? []) {
    for (const r of am.rules ?? []) amendedBy.set(r.id, [...(amendedBy.get(r.id) ?? []), text(am.from)!]);
  }
  const rules: AgreementDetail['rules'] = (a.rules ?? []).map((r) => {
    const { id, kind, clause, note, ...spec } = r;
    return {
      id,
      kind,
      clause: clause ?? null,
      note: note ?? null,
      spec: spec as Record<string, unknown>,
      amended_by: amendedBy.get(id) ?? [],
    };
  });
  // rules added by amendments (whole new rules) are listed too
  const known = new Set(rules.map((r) => r.id));
  for (const am of a.amendments ?? []) {
    for (const r of am.rules ?? []) {
      if (known.has(r.id) || typeof r.kind !== 'string') continue;
      known.add(r.id);
      const { id, kind, clause, note, ...spec } = r as Record<string, unknown> & { id: string };
      rules.push({
        id,
        kind: String(kind),
        clause: text(clause),
        note: text(note),
        spec,
        amended_by: [text(am.from)!],
      });
    }
  }
  return {
    ...agreementSummary(a),
    documents: (a.documents ?? []).map((d) => ({ title: d.title, url: d.url ?? null, published: text(d.published) })),
    parties: {
      bound: a.parties.bound.map((e) => period(actors, e)),
      guarantors: (a.parties.guarantors ?? []).map((g) => ({
        ...actorRef(actors, g.actor),
        answers_for: g.answers_for,
      })),
      excluded: (a.parties.excluded ?? []).map((e) => period(actors, e)),
      excluded_affiliates: a.parties.excluded_affiliates ?? false,
    },
    rules,
    zones: { type: 'FeatureCollection', features: zones },
    amendments: (a.amendments ?? []).map((am) => ({
      from: text(am.from)!,
      document: am.document?.title ?? null,
      note: am.note ?? null,
      changes: [
        ...(am.rules ?? []).map((r) => `rule ${r.id}`),
        ...Object.keys(am.zones ?? {}).map((z) => `zone ${z}`),
        ...Object.entries(am.parties ?? {}).flatMap(([k, v]) =>
          Array.isArray(v) && v.length
            ? [
                `${k.replace('_', ' ')}: ${v.map((e) => (typeof e === 'string' ? e : 'id' in e ? e.id : e.actor)).join(', ')}`,
              ]
            : [],
        ),
      ],
    })),
    milestones: (a.milestones ?? []).map((m) => ({
      date: text(m.date)!,
      title: m.title,
      status: m.status,
      note: m.note ?? null,
    })),
    ...dynamic,
  };
}
