/**
 * Routing and filters in the URL. A view is `#/PATH?FILTERS`, e.g.
 * `#/map?agreement=idlib-2018-sochi&verdict=violation&from=2018-10-01`, so copying the address
 * shares exactly what is on screen. Hash routing works behind any static file server.
 */
export interface Route {
  path: string;
  params: URLSearchParams;
}

export function currentRoute(): Route {
  const raw = location.hash.replace(/^#/, '') || '/map';
  const [path, q = ''] = raw.split('?', 2);
  return { path: path || '/map', params: new URLSearchParams(q) };
}

export function href(path: string, params?: URLSearchParams | Record<string, string | null | undefined>): string {
  const p = params instanceof URLSearchParams ? params : new URLSearchParams(Object.entries(params ?? {}).filter((e): e is [string, string] => !!e[1]));
  p.sort();
  const q = p.toString();
  return `#${path}${q ? `?${q}` : ''}`;
}

/** Change filters of the current view; `replace` avoids one history entry per keystroke. */
export function setParams(update: Record<string, string | string[] | null>, replace = true): void {
  const r = currentRoute();
  for (const [k, v] of Object.entries(update)) {
    const s = Array.isArray(v) ? v.join(',') : v;
    if (s) r.params.set(k, s);
    else r.params.delete(k);
  }
  const target = href(r.path, r.params);
  if (replace) history.replaceState(null, '', target);
  else history.pushState(null, '', target);
  window.dispatchEvent(new Event('truce:params'));
}

export function list(params: URLSearchParams, key: string): string[] {
  return (params.get(key) ?? '').split(',').filter(Boolean);
}
