/**
 * Built-in geography, offline: country boundaries (Natural Earth via world-atlas) and Syria's
 * admin units with OCHA P-codes. Data in data/geo/ (see data/geo/SOURCES.md). Every function is
 * synchronous; the data is read on first use and cached.
 */
export {
  type AdminCodes,
  type AdminLevel,
  type AdminUnit,
  adminAt,
  adminGeometry,
  adminUnit,
  adminUnits,
  isInAdmin,
  isKnownAdminCode,
} from './admin-boundaries.js';
export { type Country, country, countryAt, countryGeometry, isKnownCountryCode } from './country-boundaries.js';
export { type Areal, bboxOf, PolygonIndex, pointInAreal } from './polygon-index.js';
