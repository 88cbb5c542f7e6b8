/**
 * One agreement: parties, guarantors and excluded groups, rules with their clauses, obligations
 * with deadlines and countdowns, phase status over time, milestones, amendments and public claims.
 */
import { type AgreementDetail, api } from '../api.js';
import { countdown } from '../countdown.js';
import { h, mount } from '../dom.js';
import type { Page } from '../page.js';
import { href } from '../route.js';

const date = (s: string | null) => (s ? s.slice(0, 16).replace('T', ' ') : '');

export function agreementPage(id: string): Page {
  return {
    async render(el) {
      const a = await api.agreement(id);
      mount(
        el,
        h('p', null, h('a', { href: href('/agreements') }, '← agreements')),
        h('h1', { 'data-testid': 'agreement-title' }, a.title),
        h(
          'p',
          { class: 'meta' },
          `${a.id} · ${a.country} · signed ${date(a.signed) || 'unknown'} · in force ${date(a.in_force.from)} – ${a.in_force.until ? date(a.in_force.until) : 'open-ended'} (${a.tz}) · `,
          h('strong', null, a.status.replace(/_/g, ' ')),
          ' · ',
          h('a', { href: href('/map', { agreement: a.id }) }, 'incidents on the map'),
        ),
        documents(a),
        parties(a),
        rules(a),
        obligations(a),
        phases(a),
        milestones(a),
        amendments(a),
        claims(a),
      );
    },
  };
}

function section(title: string, ...children: (Node | string | null)[]): HTMLElement {
  return h('section', { class: 'block' }, h('h2', null, title), ...children);
}

function documents(a: AgreementDetail): HTMLElement | null {
  if (!a.documents.length) return null;
  return section(
    'Documents',
    h('ul', null, a.documents.map((d) => h('li', null, d.url ? h('a', { href: d.url, rel: 'noopener noreferrer' }, d.title) : d.title, d.published ? ` (${date(d.published)})` : ''))),
  );
}

function parties(a: AgreementDetail): HTMLElement {
  const period = (p: { from: string | null; until: string | null }) =>
    p.from || p.until ? ` (${p.from ? `from ${date(p.from)}` : ''}${p.from && p.until ? ', ' : ''}${p.until ? `until ${date(p.until)}` : ''})` : '';
  return section(
    'Parties',
    h(
      'div',
      { class: 'columns' },
      h('div', null, h('h3', null, 'Bound'), h('ul', { 'data-testid': 'bound' }, a.parties.bound.map((p) => h('li', null, p.name, h('span', { class: 'meta' }, period(p)))))),
      h(
        'div',
        null,
        h('h3', null, 'Guarantors'),
        h('ul', null, a.parties.guarantors.map((g) => h('li', null, g.name, h('span', { class: 'meta' }, g.answers_for.length ? ` answers for ${g.answers_for.join(', ')}` : '')))),
      ),
      h(
        'div',
        null,
        h('h3', null, 'Excluded'),
        h('ul', null, a.parties.excluded.map((p) => h('li', null, p.name, h('span', { class: 'meta' }, period(p))))),
        a.parties.excluded_affiliates ? h('p', { class: 'meta' }, 'Their affiliates are excluded too.') : null,
      ),
    ),
  );
}

function rules(a: AgreementDetail): HTMLElement {
  const spec = (s: Record<string, unknown>) =>
    Object.entries(s)
      .filter(([k]) => !['id', 'kind', 'clause', 'note'].includes(k))
      .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)}`)
      .join(' · ');
  return section(
    'Rules',
    h(
      'table',
      { class: 'grid' },
      h('thead', null, h('tr', null, ['rule', 'kind', 'clause', 'terms', 'amended'].map((c) => h('th', null, c)))),
      h(
        'tbody',
        null,
        a.rules.map((r) =>
          h(
            'tr',
            null,
            h('td', null, r.id),
            h('td', null, r.kind.replace(/_/g, ' ')),
            h('td', null, r.clause ?? ''),
            h('td', null, spec(r.spec), r.note ? h('div', { class: 'meta' }, r.note) : null),
            h('td', null, r.amended_by.map(date).join(', ')),
          ),
        ),
      ),
    ),
  );
}

function obligations(a: AgreementDetail): HTMLElement {
  if (!a.obligations.length) return section('Deadlines and obligations', h('p', { class: 'quiet' }, 'This agreement sets no deadline.'));
  return section(
    'Deadlines and obligations',
    h(
      'table',
      { class: 'grid', 'data-testid': 'obligations' },
      h('thead', null, h('tr', null, ['rule', 'obligation', 'who', 'due', 'countdown', 'status', 'why'].map((c) => h('th', null, c)))),
      h(
        'tbody',
        null,
        a.obligations.map((o) =>
          h(
            'tr',
            { class: `status-${o.status}` },
            h('td', null, o.rule, o.clause ? h('div', { class: 'meta' }, o.clause) : null),
            h('td', null, o.description),
            h('td', null, o.who.join(', ')),
            h('td', null, date(o.due)),
            h('td', null, o.due && o.status !== 'met' ? countdown(o.due) : ''),
            h('td', null, h('span', { class: `status status-${o.status}` }, o.status)),
            h('td', null, h('ul', { class: 'reasons' }, o.reasons.map((r) => h('li', null, r)))),
          ),
        ),
      ),
    ),
  );
}

function phases(a: AgreementDetail): HTMLElement | null {
  if (!a.status_history.length) return null;
  return section(
    'Status and phases',
    h('ol', { class: 'history' }, a.status_history.map((s) => h('li', null, h('strong', null, s.status.replace(/_/g, ' ')), ` ${date(s.from)} – ${s.until ? date(s.until) : 'now'}`, s.note ? h('div', { class: 'meta' }, s.note) : null))),
  );
}

function milestones(a: AgreementDetail): HTMLElement | null {
  if (!a.milestones.length) return null;
  return section('Milestones', h('ul', null, a.milestones.map((m) => h('li', null, `${date(m.date)} · ${m.title} · `, h('em', null, m.status), m.note ? h('div', { class: 'meta' }, m.note) : null))));
}

function amendments(a: AgreementDetail): HTMLElement | null {
  if (!a.amendments.length) return null;
  return section(
    'Amendments',
    h('ul', null, a.amendments.map((m) => h('li', null, `${date(m.from)}${m.document ? ` · ${m.document}` : ''}`, m.changes.length ? h('div', { class: 'meta' }, m.changes.join('; ')) : null, m.note ? h('div', { class: 'meta' }, m.note) : null))),
  );
}

function claims(a: AgreementDetail): HTMLElement {
  if (!a.claims.length) return section('Public claims', h('p', { class: 'quiet' }, 'No claim recorded.'));
  return section(
    'Public claims',
    h(
      'ul',
      { class: 'claims', 'data-testid': 'claims' },
      a.claims.map((c) =>
        h(
          'li',
          { class: `claim-${c.kind}` },
          h('span', { class: 'kind' }, c.kind),
          ` ${date(c.date)} · ${c.actor ?? 'unknown'}: `,
          h('q', null, c.text),
          c.source ? h('span', { class: 'meta' }, ' — ', c.source.url ? h('a', { href: c.source.url, rel: 'noopener noreferrer' }, c.source.outlet ?? c.source.title ?? 'source') : (c.source.outlet ?? c.source.title ?? '')) : null,
          c.incident ? h('span', null, ' · ', h('a', { href: href(`/incidents/${encodeURIComponent(c.incident)}`) }, c.incident)) : null,
        ),
      ),
    ),
  );
}
