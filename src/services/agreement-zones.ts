/**
 * An agreement's zones as GeoJSON Features for the map. Geometry comes from the workspace loader
 * when it resolved it (file and polygon zones), else from the zone form: a buffer is the line
 * widened by width_km/2 on each side (turf.buffer; with a width range the outer edge is the larger
 * width and the inner band is given too, as `properties.inner`), a country or admin code comes from
 * the built-in boundaries (src/geo).
 */
import { buffer, lineString } from '@turf/turf';
import type { Agreement } from '../domain/agreement.js';
import { type ZoneSpec, zoneForm } from '../domain/zone.js';
import { type Areal, adminGeometry, countryGeometry } from '../geo/index.js';

export interface ZoneFeature {
  type: 'Feature';
  id: string;
  geometry: Areal | null;
  properties: {
    zone: string;
    agreement: string;
    form: string;
    note: string | null;
    inner?: Areal | null;
    width_km?: number | [number, number];
  };
}

function bufferOf(line: [number, number][], widthKm: number): Areal | null {
  const g = buffer(lineString(line), widthKm / 2, { units: 'kilometers' });
  return (g?.geometry as Areal | undefined) ?? null;
}

export function zoneGeometry(spec: ZoneSpec, resolved?: Areal): { geometry: Areal | null; inner?: Areal | null } {
  if (resolved) return { geometry: resolved };
  if ('polygon' in spec) return { geometry: { type: 'Polygon', coordinates: spec.polygon } };
  if ('buffer' in spec) {
    const w = spec.buffer.width_km;
    const line = spec.buffer.line as [number, number][];
    if (Array.isArray(w)) return { geometry: bufferOf(line, w[1]), inner: bufferOf(line, w[0]) };
    return { geometry: bufferOf(line, w) };
  }
  if ('country' in spec) return { geometry: countryGeometry(spec.country) ?? null };
  if ('admin' in spec) return { geometry: adminGeometry(spec.admin) ?? null };
  return { geometry: null };
}

/** Geometry the workspace loader resolved: zone id, and the amendment index that declared it. */
export type ResolvedZones = (zoneId: string, amendment?: number) => Areal | undefined;

/** Every zone the agreement declares, amendments included (a later declaration of an id wins). */
export function agreementZones(a: Agreement, resolved?: ResolvedZones): ZoneFeature[] {
  const specs = new Map<string, { spec: ZoneSpec; amendment?: number }>(
    Object.entries(a.zones ?? {}).map(([id, spec]) => [id, { spec }]),
  );
  (a.amendments ?? []).forEach((am, i) => {
    for (const [id, spec] of Object.entries(am.zones ?? {})) specs.set(id, { spec, amendment: i });
  });
  const out: ZoneFeature[] = [];
  for (const [id, { spec, amendment }] of specs) {
    const g = zoneGeometry(spec, resolved?.(id, amendment));
    out.push({
      type: 'Feature',
      id,
      geometry: g.geometry,
      properties: {
        zone: id,
        agreement: a.id,
        form: zoneForm(spec),
        note: spec.note ?? null,
        ...(g.inner !== undefined ? { inner: g.inner } : {}),
        ...('buffer' in spec ? { width_km: spec.buffer.width_km as number | [number, number] } : {}),
      },
    });
  }
  return out;
}
