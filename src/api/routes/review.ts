/** Review actions on incidents (analyst role): lock, verify, mark duplicate, override a verdict… */
import type { ApiBackend } from '../backend.js';
import { apiRoute } from '../route.js';
import { newRouter } from '../router.js';
import { idParam } from '../schemas/common.js';
import { incidentDetail } from '../schemas/incident.js';
import { reviewAction } from '../schemas/review.js';

const review = apiRoute({
  method: 'post',
  path: '/incidents/{id}/review',
  access: 'analyst',
  tags: ['review'],
  summary: "Apply a review action; an override replaces one agreement's verdict and needs a justification",
  description:
    'Workflow: `lock` (reported -> under_review, held by this token), then one outcome: `verify`, `unverifiable`, `reject`, ' +
    "`duplicate` (with `duplicate_of`); `unlock` gives the incident back. `override` replaces one agreement's verdict " +
    '(with `agreement`, `verdict`, `justification`); `clear_override` restores the computed verdict. Every action is in the audit log.',
  errors: ['not_found', 'conflict_locked', 'conflict_not_locked', 'conflict', 'invalid_json'],
  request: {
    params: idParam('r-0412', 'incident id'),
    body: { content: { 'application/json': { schema: reviewAction } }, required: true },
  },
  responses: {
    200: { description: 'the incident after the action', content: { 'application/json': { schema: incidentDetail } } },
  },
});

export function reviewRoutes(backend: ApiBackend) {
  return newRouter().openapi(review, async (c) => {
    const p = c.get('principal');
    const by = p.kind === 'token' ? { tokenId: p.tokenId, name: p.name } : { tokenId: 'anonymous', name: 'anonymous' };
    const action = c.req.valid('json');
    const after = await backend.review(c.req.valid('param').id, action, by);
    c.get('log').info({ incident: after.id, action: action.action, by: by.name }, 'review action');
    return c.json(after, 200);
  });
}
