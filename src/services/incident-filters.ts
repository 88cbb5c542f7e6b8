/**
 * The incident filter shared by the API (query string) and `truce export` (flags): one zod schema,
 * defined beside the store that executes it and re-exported here for the outer layers.
 */
export {
  type IncidentFilter,
  type IncidentFilterInput,
  incidentFilterSchema,
  type PageInput,
  pageSchema,
  timeBounds,
} from '../store/incident-filter.js';
