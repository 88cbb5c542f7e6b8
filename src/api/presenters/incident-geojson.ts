/** Incidents as GeoJSON point features (RFC 7946); incidents without coordinates are left out. */
import type { IncidentSummary } from '../schemas/incident.js';

export function incidentFeature(i: IncidentSummary, only?: readonly string[]) {
  if (i.where.lat === null || i.where.lon === null) return null;
  const { where, verdicts, ...rest } = i;
  const properties: Record<string, unknown> = {
    ...rest,
    place: where.name,
    admin1: where.admin1,
    admin2: where.admin2,
    admin: where.admin,
    precision_km: where.precision_km,
    verdicts: verdicts.map((v) => ({ agreement: v.agreement, verdict: v.verdict, party: v.party })),
  };
  return {
    type: 'Feature' as const,
    id: i.id,
    geometry: { type: 'Point' as const, coordinates: [where.lon, where.lat] },
    properties: only ? Object.fromEntries(only.map((k) => [k, properties[k] ?? null])) : properties,
  };
}
