/**
 * The zones presenter moved to services/agreement-zones.ts (the bulletin and `truce export` use it
 * too, and they must not depend on the API). Re-exported here for the callers outside the API
 * that still import it from this path (src/cli/commands/export.ts).
 */
export * from '../../services/agreement-zones.js';
