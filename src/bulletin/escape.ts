/**
 * Escaping for the bulletin's outputs. Everything in a bulletin that came from a report (outlet
 * names, quotes, descriptions) is untrusted: a `<script>` in a report must print as text.
 */
const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape text for HTML element content and double- or single-quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** Only http(s) links are kept: a `javascript:` URL in a report must not become a live link. */
export function safeUrl(url: string | undefined | null): string | null {
  if (!url) return null;
  return /^https?:\/\//i.test(url.trim()) ? url.trim() : null;
}

/**
 * Escape text for CommonMark inline content placed mid-line (after a list marker or in a table
 * cell): backslash-escape the punctuation that opens inline markup (emphasis, code, links, table
 * pipes; CommonMark 0.31 §2.4 allows a backslash before any ASCII punctuation), and HTML-escape `<`
 * and `&` so that raw HTML in a report is never passed through by a Markdown renderer. Line breaks
 * become spaces, so a report cannot open a new block (a heading, a list); block markers such as `#`
 * then need no escape, which keeps the raw file readable.
 */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/\s*\n\s*/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`);
}
