/** Errors and small shared types of the store, in their own module so query modules avoid a cycle. */

/** A review action that is not allowed now (wrong state, lock held by someone else). */
export class ReviewError extends Error {
  constructor(
    message: string,
    readonly code: 'not_found' | 'locked' | 'not_locked' | 'invalid_transition' | 'invalid_input',
  ) {
    super(message);
    this.name = 'ReviewError';
  }
}

export interface AuditFilter {
  entity_type?: string;
  entity_id?: string;
  actor?: string;
}
