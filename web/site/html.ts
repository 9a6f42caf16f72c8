// Escaping for the HTML the site writes (prerendered pages and the few pieces the browser adds).

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML: safe in element content and in quoted attribute values. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** A URL fit for an href: javascript: and other script-bearing schemes become "#". */
export function safeHref(url: string): string {
  const u = url.trim();
  if (/^(https?:|mailto:|\/|#|\.{0,2}\/|[a-z0-9._~-]+(\/|$|#|\?))/i.test(u) && !/^\s*(javascript|data|vbscript):/i.test(u)) return u;
  return '#';
}

/** An id from heading text: lower case, words joined by "-". */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/<[^>]*>/g, '')
    .replace(/&[a-z#0-9]+;/g, '')
    .replace(/[`*_]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
