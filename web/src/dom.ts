/**
 * A tiny DOM builder. Every string child becomes a Text node and attributes are set with
 * setAttribute, never innerHTML: report text (outlets, quotes, descriptions) is untrusted, and a
 * `<script>` in a report must stay text. `href` values are kept only for http(s), mailto and
 * in-app (`#`) links.
 */
export type Child = Node | string | number | null | undefined | false | Child[];
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === null || v === undefined || v === false) continue;
    if (typeof v === 'function') {
      el.addEventListener(k.replace(/^on/, '').toLowerCase(), v);
    } else if (k !== 'href' || isSafeHref(String(v))) {
      el.setAttribute(k, v === true ? '' : String(v));
    }
  }
  append(el, children);
  return el;
}

export function append(el: Node, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/** Replace all children of `el`. */
export function mount(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}

export function isSafeHref(href: string): boolean {
  return /^(https?:|mailto:|#)/i.test(href.trim());
}

/**
 * `text` with the ranges in `spans` wrapped in <mark> (evidence quotes in a report). Overlapping
 * spans are merged; offsets are UTF-16 indices, as the API gives them.
 */
export function highlight(text: string, spans: { start: number; end: number; title?: string }[]): Node[] {
  const sorted = spans
    .filter((s) => s.end > s.start && s.start >= 0 && s.end <= text.length)
    .sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number; titles: string[] }[] = [];
  for (const s of sorted) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) {
      last.end = Math.max(last.end, s.end);
      if (s.title) last.titles.push(s.title);
    } else merged.push({ start: s.start, end: s.end, titles: s.title ? [s.title] : [] });
  }
  const out: Node[] = [];
  let at = 0;
  for (const m of merged) {
    if (m.start > at) out.push(document.createTextNode(text.slice(at, m.start)));
    out.push(h('mark', { title: m.titles.join(', ') || null }, text.slice(m.start, m.end)));
    at = m.end;
  }
  if (at < text.length) out.push(document.createTextNode(text.slice(at)));
  return out;
}
