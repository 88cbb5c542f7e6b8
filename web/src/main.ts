/**
 * Truce dashboard: the shell (navigation, token entry) and the hash router. Pages live in
 * ./pages, one file each; they fetch from the API and build DOM through `h`, never innerHTML.
 */
import './styles.css';
import { ApiError } from './api.js';
import { errorBox } from './errors.js';
import { forgetIdentity, whoAmI } from './context.js';
import { h, mount } from './dom.js';
import type { Page } from './page.js';
import { agreementPage } from './pages/agreement-page.js';
import { agreementsPage } from './pages/agreements-page.js';
import { incidentPage } from './pages/incident-page.js';
import { mapPage } from './pages/map-page.js';
import { reviewPage } from './pages/review-page.js';
import { submitPage } from './pages/submit-page.js';
import { currentRoute, href } from './route.js';
import { getToken, setToken } from './token.js';

const routes: { pattern: RegExp; page: (m: RegExpMatchArray) => Page; nav: string }[] = [
  { pattern: /^\/map$/, page: () => mapPage(), nav: 'map' },
  { pattern: /^\/agreements$/, page: () => agreementsPage(), nav: 'agreements' },
  { pattern: /^\/agreements\/([^/]+)$/, page: (m) => agreementPage(decodeURIComponent(m[1])), nav: 'agreements' },
  { pattern: /^\/incidents\/([^/]+)$/, page: (m) => incidentPage(decodeURIComponent(m[1])), nav: 'map' },
  { pattern: /^\/review$/, page: () => reviewPage(), nav: 'review' },
  { pattern: /^\/submit$/, page: () => submitPage(), nav: 'submit' },
];

const view = h('main', { id: 'view' });
const identity = h('span', { class: 'identity', 'data-testid': 'identity' });
const nav = h(
  'nav',
  null,
  h('a', { href: href('/map'), 'data-nav': 'map' }, 'Map'),
  h('a', { href: href('/agreements'), 'data-nav': 'agreements' }, 'Agreements'),
  h('a', { href: href('/review'), 'data-nav': 'review' }, 'Review queue'),
  h('a', { href: href('/submit'), 'data-nav': 'submit' }, 'Submit a report'),
);

document.body.append(
  h('header', { class: 'top' }, h('a', { class: 'brand', href: href('/map') }, 'Truce'), nav, h('div', { class: 'token' }, identity, tokenForm())),
  view,
);

let current: { page: Page; path: string } | null = null;

async function route(): Promise<void> {
  const r = currentRoute();
  if (current && current.path === r.path && current.page.update) {
    await current.page.update(r);
    return;
  }
  current?.page.destroy?.();
  const hit = routes.find((x) => x.pattern.test(r.path));
  for (const a of nav.querySelectorAll('a')) a.classList.toggle('active', a.dataset.nav === hit?.nav);
  if (!hit) {
    current = null;
    mount(view, h('h1', null, 'Not found'), h('p', null, `No page ${r.path}. `, h('a', { href: href('/map') }, 'Back to the map')));
    return;
  }
  const page = hit.page(r.path.match(hit.pattern)!);
  current = { page, path: r.path };
  mount(view);
  try {
    await page.render(view, r);
  } catch (err) {
    mount(view, errorBox(err));
  }
}


function tokenForm(): HTMLElement {
  const input = h('input', { type: 'password', placeholder: 'API token', autocomplete: 'off', 'aria-label': 'API token', 'data-testid': 'token-input' });
  const form = h(
    'form',
    {
      class: 'token-form',
      onsubmit: (e: Event) => {
        e.preventDefault();
        setToken(input.value || null);
        input.value = '';
        refreshIdentity(true);
      },
    },
    input,
    h('button', { type: 'submit' }, 'Use token'),
    h('button', { type: 'button', onclick: () => { setToken(null); refreshIdentity(true); } }, 'Sign out'),
  );
  return form;
}

async function refreshIdentity(rerender = false): Promise<void> {
  forgetIdentity();
  try {
    const a = await whoAmI();
    identity.textContent = a.you.authenticated ? `${a.you.name} (${a.you.role})` : getToken() ? 'token not accepted' : 'not signed in';
    identity.dataset.role = a.you.role ?? '';
  } catch (err) {
    identity.textContent = err instanceof ApiError && err.status === 401 ? 'token not accepted' : 'API unreachable';
    identity.dataset.role = '';
  }
  if (rerender) {
    current = null;
    await route();
  }
}

window.addEventListener('hashchange', () => void route());
window.addEventListener('truce:params', () => void route());
// both at once: pages share the identity request (whoAmI caches it) instead of waiting for it
void refreshIdentity();
void route();
