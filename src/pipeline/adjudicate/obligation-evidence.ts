/**
 * The optional `obligation` field of an incident (formats.md §8). The schema lives with the
 * incident schema (domain/incident.ts) so that `truce schema` and extraction know it; this module
 * re-exports it for obligation tracking.
 */
export {
  EVIDENCE_KINDS,
  type EvidenceKind,
  type ObligationEvidence,
  obligationEvidenceSchema,
} from '../../domain/incident.js';
