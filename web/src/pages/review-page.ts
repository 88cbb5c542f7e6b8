/**
 * The review queue: incidents waiting for an analyst (reported, or under review), gravest first as the
 * API orders them, with quick verify and reject for analysts. Filters as on the map apply.
 */
import { api, type IncidentSummary, query, reviewWithLock } from '../api.js';
import { actorMap, actorName, hasRole, whoAmI } from '../context.js';
import { h, mount } from '../dom.js';
import { errorBox } from '../errors.js';
import { filterQuery } from '../filters.js';
import type { Page } from '../page.js';
import { href, type Route, setParams } from '../route.js';
import { badge, formatWhen, humanType } from '../verdict.js';

export function reviewPage(): Page {
  let el: HTMLElement;
  const draw = async (route: Route) => {
    const [actors, me] = await Promise.all([actorMap(), whoAmI().catch(() => null)]);
    const filters = { ...filterQuery(route.params), review: route.params.get('review') ?? 'reported,under_review' };
    const verdictFilter = route.params.get('verdict') ?? 'violation,undetermined';
    const page = await api.incidents(query({ ...filters, verdict: verdictFilter, limit: 100 }));
    const analyst = !!me && hasRole(me, 'analyst');
    const row = (i: IncidentSummary) => {
      const result = h('span', { class: 'row-result' });
      const act = (action: string) => async () => {
        try {
          const after = await reviewWithLock(i.id, i.review_state, { action });
          result.replaceChildren(after.review_state);
        } catch (err) {
          result.replaceChildren(errorBox(err));
        }
      };
      return h(
        'tr',
        { 'data-incident': i.id },
        h('td', null, badge(i.verdict)),
        h('td', null, h('a', { href: href(`/incidents/${encodeURIComponent(i.id)}`) }, i.id)),
        h('td', null, formatWhen(i.when)),
        h('td', null, humanType(i.type)),
        h('td', null, i.where.name ?? i.where.admin ?? ''),
        h('td', null, actorName(actors, i.by)),
        h('td', null, i.review_state),
        h('td', null, analyst ? [h('button', { type: 'button', onclick: act('verify') }, 'verify'), h('button', { type: 'button', onclick: act('reject') }, 'reject')] : null, result),
      );
    };
    mount(
      el,
      h('h1', null, 'Review queue'),
      h(
        'p',
        { class: 'meta' },
        `Incidents in review state ${filters.review.replace(/,/g, ' or ')} with verdict ${verdictFilter.replace(/,/g, ' or ')}. `,
        h('button', { type: 'button', onclick: () => setParams({ verdict: 'violation,undetermined,permitted,not_applicable' }) }, 'all verdicts'),
        analyst ? null : h('span', null, ' Enter an analyst token to review.'),
      ),
      page.items.length === 0
        ? h('p', { class: 'quiet', 'data-testid': 'queue-empty' }, 'Nothing waits for review.')
        : h(
            'table',
            { class: 'grid', 'data-testid': 'review-queue' },
            h('thead', null, h('tr', null, ['verdict', 'incident', 'when', 'type', 'where', 'by', 'state', ''].map((c) => h('th', null, c)))),
            h('tbody', null, page.items.map(row)),
          ),
      page.next_cursor ? h('p', { class: 'meta' }, 'More incidents wait; narrow the filters to see them.') : null,
    );
  };
  return {
    async render(target, route) {
      el = target;
      await draw(route);
    },
    update: (route) => draw(route),
  };
}
