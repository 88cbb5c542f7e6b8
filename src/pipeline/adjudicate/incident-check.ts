/**
 * A fast pre-check of an incident object against `incidentSchema` (domain/incident.ts), for the
 * million-line path: when it says yes, zod would say yes too (a property test holds it to that),
 * so zod runs only on lines that may be invalid, to produce its message. It accepts a subset:
 * anything unusual goes to zod, which stays the single definition of validity.
 */
import { isTimeString } from '../../domain/time.js';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const TYPE = /^[a-z][a-z0-9_]*$/;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const optString = (v: unknown) => v === undefined || typeof v === 'string';
const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const optCount = (v: unknown) => v === undefined || (Number.isSafeInteger(v) && (v as number) >= 0);

export function quickValidIncident(o: unknown): boolean {
  if (!isObject(o)) return false;
  const id = o.id;
  if (!((typeof id === 'string' && id.length > 0) || num(id))) return false;
  if (typeof o.when !== 'string' || !isTimeString(o.when)) return false;
  if (typeof o.type !== 'string' || !TYPE.test(o.type)) return false;
  for (const p of [o.by, o.against]) {
    if (!(p === undefined || p === null || (typeof p === 'string' && SLUG.test(p)))) return false;
  }
  const w = o.where;
  if (!isObject(w)) return false;
  const hasLat = w.lat !== undefined;
  if (hasLat !== (w.lon !== undefined)) return false;
  if (hasLat && !(num(w.lat) && w.lat >= -90 && w.lat <= 90 && num(w.lon) && w.lon >= -180 && w.lon <= 180))
    return false;
  if (!(w.precision_km === undefined || (num(w.precision_km) && w.precision_km >= 0))) return false;
  if (!optString(w.admin) || !optString(w.name) || !optString(w.admin1) || !optString(w.admin2)) return false;
  if (!hasLat && w.admin === undefined && w.name === undefined) return false;
  if (o.fatalities !== undefined) {
    const f = o.fatalities;
    if (!isObject(f)) return false;
    if (!optCount(f.total) || !optCount(f.civilians) || !optCount(f.children) || !optCount(f.low) || !optCount(f.high))
      return false;
  }
  if (o.sources !== undefined) {
    if (!Array.isArray(o.sources)) return false;
    for (const s of o.sources) {
      if (!isObject(s) || !optString(s.outlet) || !optString(s.url) || !optString(s.title)) return false;
    }
  }
  return optString(o.description);
}
