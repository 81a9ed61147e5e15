import sanitizeHtml from 'sanitize-html';

/**
 * The allowlist for article bodies: exactly what the editor (components/editor/rich-text-editor.tsx)
 * can make, so what is saved is what was seen while editing. Everything else is dropped on save:
 * style, class, id, every event handler, scripts, SVG, forms, iframes; links only to http(s),
 * mailto and tel; images only from our own /media/ (never another site's: a hotlinked image tells
 * that site who reads what). Only what this returns is ever stored and rendered.
 * tests/unit/sanitize-editor.test.ts holds one sample of each thing the editor makes.
 */
const options: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'h2',
    'h3',
    'strong',
    'em',
    'u',
    'ul',
    'ol',
    'li',
    'a',
    'blockquote',
    'table',
    'tbody',
    'tr',
    'th',
    'td',
    'figure',
    'img',
    'figcaption',
  ],
  allowedAttributes: {
    a: ['href', 'rel'],
    img: ['src', 'alt'],
    th: ['colspan', 'rowspan'],
    td: ['colspan', 'rowspan'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  // Images carry no scheme at all: only our own relative /media/ addresses pass exclusiveFilter.
  allowedSchemesByTag: { img: [] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Text inside these is dropped with the tag; elsewhere a dropped tag keeps its text.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'svg', 'math', 'iframe', 'object'],
  transformTags: {
    b: 'strong',
    i: 'em',
    a: (tagName, attribs): sanitizeHtml.Tag => ({
      tagName,
      attribs: attribs.href ? { href: attribs.href, rel: 'noopener noreferrer' } : {},
    }),
  },
  exclusiveFilter: (frame) => {
    if (frame.tag === 'img') return !isAllowedImageSource(frame.attribs.src ?? '');
    // Word leaves empty anchors and bookmarks behind.
    if (frame.tag === 'a') return !frame.attribs.href && !frame.text.trim();
    return false;
  },
};

function isAllowedImageSource(src: string): boolean {
  return /^\/media\/[A-Za-z0-9._\-/]+$/.test(src) && !src.includes('..') && !src.includes('//');
}

export function sanitizeArticleHtml(html: string): string {
  return sanitizeHtml(html, options).trim();
}

/**
 * A plain-text field (title, summary, byline): stored as text and escaped by React when shown.
 * Markup is removed anyway so the stored value reads the same wherever it ends up (feeds, exports).
 */
export function cleanPlainText(value: string): string {
  return (
    value
      .normalize('NFC')
      .replace(/<\/?[A-Za-z!?][^>]*>?/g, '')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this looks for
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
      .replace(/\s+/g, ' ')
      .trim()
  );
}
