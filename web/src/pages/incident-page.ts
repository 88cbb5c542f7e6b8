/**
 * One incident: what happened, each agreement's verdict with its reasons (and any analyst
 * override), the reports that evidence it with the quoted spans highlighted, its sources and the
 * review history; analysts get the review actions.
 */
import { api, type IncidentDetail, reviewWithLock, VERDICTS } from '../api.js';
import { actorMap, actorName, hasRole, whoAmI } from '../context.js';
import { h, highlight, mount } from '../dom.js';
import type { Page } from '../page.js';
import { href } from '../route.js';
import { errorBox } from '../errors.js';
import { badge, formatWhen, humanType } from '../verdict.js';

/** gravest first; not-applicable findings at the end */
const RANK: Record<string, number> = { violation: 3, undetermined: 2, permitted: 1, not_applicable: 0 };

export function incidentPage(id: string): Page {
  return {
    async render(el) {
      const [inc, actors, me] = await Promise.all([api.incident(id), actorMap(), whoAmI().catch(() => null)]);
      const draw = (i: IncidentDetail) => {
        const name = (x: string | null) => actorName(actors, x);
        mount(
          el,
          h('p', null, h('a', { href: href('/map') }, '← map')),
          h('h1', null, `${humanType(i.type)} `, h('span', { class: 'meta' }, i.id)),
          h(
            'p',
            { class: 'summary', 'data-testid': 'incident-summary' },
            badge(i.verdict),
            ` ${formatWhen(i.when)} · ${i.where.name ?? ''}${i.where.lat !== null ? ` (${i.where.lat}, ${i.where.lon}${i.where.precision_km ? ` ±${i.where.precision_km} km` : ''})` : ''}${i.where.admin ? ` · ${i.where.admin}` : ''}`,
            ` · by ${name(i.by)} against ${name(i.against)}`,
            i.fatalities !== null ? ` · ${i.fatalities} killed` : '',
            ' · review: ',
            h('strong', { 'data-testid': 'review-state' }, i.review_state),
          ),
          i.description ? h('blockquote', { 'data-testid': 'description' }, i.description) : null,
          h(
            'section',
            { class: 'block' },
            h('h2', null, 'Verdicts'),
            i.findings.length === 0 ? h('p', { class: 'quiet' }, 'No agreement applies.') : null,
            h(
              'ul',
              { class: 'findings', 'data-testid': 'findings' },
              [...i.findings].sort((a, b) => RANK[b.verdict] - RANK[a.verdict] || a.agreement.localeCompare(b.agreement)).map((f) =>
                h(
                  'li',
                  { 'data-agreement': f.agreement, 'data-verdict': f.verdict },
                  badge(f.verdict),
                  ' ',
                  h('a', { href: href(`/agreements/${encodeURIComponent(f.agreement)}`) }, f.agreement),
                  f.rule ? ` · rule ${f.rule}` : '',
                  f.clause ? ` (${f.clause})` : '',
                  f.party ? ` · attributed to ${name(f.party)}` : '',
                  f.answerable ? ` · answerable: ${name(f.answerable)}` : '',
                  f.overridden ? h('div', { class: 'override' }, `overridden by an analyst (computed: ${f.computed_verdict ?? '?'}): ${f.justification ?? ''}`) : null,
                  h('ul', { class: 'reasons' }, f.reasons.map((r) => h('li', null, r))),
                ),
              ),
            ),
          ),
          h(
            'section',
            { class: 'block' },
            h('h2', null, 'Reports and evidence'),
            i.reports.length === 0 ? h('p', { class: 'quiet' }, 'No report text is stored for this incident.') : null,
            i.reports.map((r) =>
              h(
                'article',
                { class: 'report', 'data-report': r.id },
                h('h3', null, r.url ? h('a', { href: r.url, rel: 'noopener noreferrer' }, r.title ?? r.outlet ?? r.id) : (r.title ?? r.outlet ?? r.id), h('span', { class: 'meta' }, ` ${r.outlet ?? ''} ${r.published ? formatWhen(r.published) : ''}`)),
                r.text
                  ? h('p', { class: 'report-text', 'data-testid': 'report-text' }, highlight(r.text, r.evidence.map((e) => ({ start: e.start, end: e.end, title: e.field }))))
                  : h('p', { class: 'quiet' }, `No text: a ${r.format ?? 'structured'} record.`),
                r.evidence.length ? h('ul', { class: 'evidence' }, r.evidence.map((e) => h('li', null, h('strong', null, e.field), ': ', h('q', null, e.quote)))) : null,
              ),
            ),
            i.sources.length
              ? h('div', null, h('h3', null, 'Sources'), h('ul', null, i.sources.map((s) => { const name = s.name ?? s.outlet ?? s.title ?? 'source'; return h('li', null, s.url ? h('a', { href: s.url, rel: 'noopener noreferrer' }, name) : name, s.reliability ? h('span', { class: 'meta' }, ` reliability ${s.reliability}`) : null); })))
              : null,
          ),
          i.claims?.length
            ? h(
                'section',
                { class: 'block' },
                h('h2', null, 'Claims about it'),
                h('ul', { class: 'claims' }, i.claims.map((c) => h('li', { class: `claim-${c.kind}` }, h('span', { class: 'kind' }, c.kind.replace(/_/g, ' ')), ` ${formatWhen(c.at)} · ${name(c.claimant)} · ${c.agreement}`, c.text ? [': ', h('q', null, c.text)] : null))),
              )
            : null,
          me && hasRole(me, 'analyst') ? reviewActions(i, draw) : null,
          h(
            'section',
            { class: 'block' },
            h('h2', null, 'Review history'),
            i.review.locked_by ? h('p', null, `locked by ${i.review.locked_by}`) : null,
            i.review.duplicate_of ? h('p', null, 'duplicate of ', h('a', { href: href(`/incidents/${encodeURIComponent(i.review.duplicate_of)}`) }, i.review.duplicate_of)) : null,
            i.review.history.length === 0 ? h('p', { class: 'quiet' }, 'Not reviewed yet.') : null,
            h('ol', { class: 'history', 'data-testid': 'review-history' }, i.review.history.map((e) => h('li', null, `${formatWhen(e.at)} · ${e.action} · ${e.by ?? 'unknown'}`, e.justification ? h('div', { class: 'meta' }, e.justification) : null))),
          ),
        );
      };
      draw(inc);
    },
  };
}

function reviewActions(i: IncidentDetail, redraw: (i: IncidentDetail) => void): HTMLElement {
  const out = h('div', { class: 'review-result', role: 'status' });
  const act = async (action: Record<string, unknown>) => {
    out.replaceChildren('…');
    try {
      redraw(await reviewWithLock(i.id, i.review_state, action));
    } catch (err) {
      out.replaceChildren(errorBox(err));
    }
  };
  const simple = (action: string, label: string) => h('button', { type: 'button', 'data-action': action, onclick: () => void act({ action }) }, label);
  const agreement = h('select', { name: 'agreement', 'data-testid': 'override-agreement' }, i.findings.map((f) => h('option', { value: f.agreement }, f.agreement)));
  const verdict = h('select', { name: 'verdict', 'data-testid': 'override-verdict' }, VERDICTS.map((v) => h('option', { value: v }, v)));
  const justification = h('input', { name: 'justification', placeholder: 'justification (at least 10 characters)', size: 40, 'data-testid': 'override-justification' });
  const dupOf = h('input', { name: 'duplicate_of', placeholder: 'incident id', size: 12 });
  return h(
    'section',
    { class: 'block review-actions', 'data-testid': 'review-actions' },
    h('h2', null, 'Review'),
    h('div', { class: 'buttons' }, simple('lock', 'lock'), simple('unlock', 'unlock'), simple('verify', 'verify'), simple('unverifiable', 'unverifiable'), simple('reject', 'reject')),
    h(
      'form',
      { onsubmit: (e: Event) => { e.preventDefault(); void act({ action: 'duplicate', duplicate_of: dupOf.value }); } },
      'duplicate of ',
      dupOf,
      h('button', { type: 'submit' }, 'mark duplicate'),
    ),
    i.findings.length
      ? h(
          'form',
          {
            'data-testid': 'override-form',
            onsubmit: (e: Event) => {
              e.preventDefault();
              void act({ action: 'override', agreement: agreement.value, verdict: verdict.value, justification: justification.value });
            },
          },
          'override ',
          agreement,
          ' to ',
          verdict,
          ' ',
          justification,
          h('button', { type: 'submit' }, 'override'),
        )
      : null,
    out,
  );
}
