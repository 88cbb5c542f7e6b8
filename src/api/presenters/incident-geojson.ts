/** Incidents as GeoJSON point features (RFC 7946); incidents without coordinates are left out. */
import type { IncidentSummary } from '../schemas/incident.js';

export function incidentFeature(i: IncidentSummary) {
  if (i.where.lat === null || i.where.lon === null) return null;
  const { where, verdicts, ...rest } = i;
  return {
    type: 'Feature' as const,
    id: i.id,
    geometry: { type: 'Point' as const, coordinates: [where.lon, where.lat] },
    properties: {
      ...rest,
      place: where.name,
      admin1: where.admin1,
      admin2: where.admin2,
      precision_km: where.precision_km,
      verdicts: verdicts.map((v) => ({ agreement: v.agreement, verdict: v.verdict, party: v.party })),
    },
  };
}
