import { formatNumber } from '../format-number';
import { foldSearchText, type SearchTerm } from '../search-text';

/**
 * What the site search (/tim-kiem) finds, in the order of its filter. `&loai=` takes the key. Each
 * type is one source in db/queries/search/.
 */
export const SEARCH_TYPES = [
  { key: 'tin-tuc', label: 'Tin tức' },
  { key: 'van-ban', label: 'Văn bản' },
  { key: 'thu-tuc', label: 'Thủ tục' },
  { key: 'hoi-dap', label: 'Hỏi đáp' },
  { key: 'trang', label: 'Trang' },
] as const;

export type SearchType = (typeof SEARCH_TYPES)[number]['key'];

/** The types kept in the search index (search_entries, one words index each); 'trang' is read as it is. */
export const INDEXED_SEARCH_TYPES = ['tin-tuc', 'van-ban', 'thu-tuc', 'hoi-dap'] as const satisfies readonly SearchType[];

export function isSearchType(value: string): value is SearchType {
  return SEARCH_TYPES.some((type) => type.key === value);
}

export function searchTypeLabel(type: SearchType): string {
  return SEARCH_TYPES.find((entry) => entry.key === type)!.label;
}

export const SEARCH_PAGE_SIZE = 10;
/** Nobody reads result 200; a bound keeps every page of results cheap. */
export const SEARCH_MAX_PAGE = 20;
/**
 * Only the newest 200 matches of the types shown are ranked and paged: a query found in half the
 * articles costs about the same as a rare one. Beyond that the page says so and suggests more words.
 */
export const SEARCH_MAX_RESULTS = SEARCH_MAX_PAGE * SEARCH_PAGE_SIZE;
/**
 * Matches of a type are counted up to this many; beyond it the filter says "hơn 2.000". Each match
 * counted costs a visit to its row, and a word found in 40,000 articles cost ~25 ms to count in full
 * while only the newest SEARCH_MAX_RESULTS are ever shown. A count over the cap is the cap + 1.
 */
export const SEARCH_COUNT_CAP = 2000;

/** The count of one type, or of several added up: "1.234", or "hơn 2.000" once one reached the cap. */
export function searchCountText(counts: number[]): string {
  const sum = counts.reduce((total, n) => total + Math.min(n, SEARCH_COUNT_CAP), 0);
  return counts.some((n) => n > SEARCH_COUNT_CAP) ? `hơn ${formatNumber(sum)}` : formatNumber(sum);
}

/** Text cut into pieces, the found words marked (rendered as <mark>). */
export type MarkedText = { text: string; mark: boolean }[];

/** Each character (code point) folded alone, so positions in the folded text are positions in the text. */
function foldedChars(chars: string[]): string {
  return chars
    .map((char) => {
      const folded = foldSearchText(char);
      return folded.length === 1 && /[a-z0-9]/.test(folded) ? folded : ' ';
    })
    .join('');
}

function termPattern(terms: SearchTerm[]): RegExp | null {
  const alternatives = terms.map((term) => term.folded.split(' ').join('[^a-z0-9]+')).filter(Boolean);
  if (alternatives.length === 0) return null;
  // The folded words hold only a-z, 0-9 and spaces: nothing in them is a regular-expression operator.
  return new RegExp(`(?<![a-z0-9])(?:${alternatives.join('|')})(?![a-z0-9])`, 'g');
}

function ranges(folded: string, terms: SearchTerm[]): [number, number][] {
  const pattern = termPattern(terms);
  if (!pattern) return [];
  const found: [number, number][] = [];
  for (const match of folded.matchAll(pattern)) found.push([match.index, match.index + match[0].length]);
  return found;
}

function cut(chars: string[], found: [number, number][], start: number, end: number): MarkedText {
  const pieces: MarkedText = [];
  let at = start;
  for (const [from, to] of found) {
    if (to <= start || from >= end) continue;
    const a = Math.max(from, start);
    const b = Math.min(to, end);
    if (a > at) pieces.push({ text: chars.slice(at, a).join(''), mark: false });
    pieces.push({ text: chars.slice(a, b).join(''), mark: true });
    at = b;
  }
  if (at < end) pieces.push({ text: chars.slice(at, end).join(''), mark: false });
  return pieces;
}

/** The text with every whole-word match of the terms marked, with or without diacritics. */
export function markTerms(text: string, terms: SearchTerm[]): MarkedText {
  const chars = Array.from(text.normalize('NFC'));
  return cut(chars, ranges(foldedChars(chars), terms), 0, chars.length);
}

/**
 * About `length` characters of the text around its first match (its beginning when none), cut at
 * spaces, with "…" where text was left out, the matches marked.
 */
export function snippetOf(text: string, terms: SearchTerm[], length = 220): MarkedText {
  const chars = Array.from(text.normalize('NFC').replace(/\s+/g, ' ').trim());
  const found = ranges(foldedChars(chars), terms);
  if (chars.length <= length) return cut(chars, found, 0, chars.length);
  let start = Math.max(0, (found[0]?.[0] ?? 0) - Math.floor(length / 3));
  let end = Math.min(chars.length, start + length);
  start = Math.max(0, end - length);
  while (start > 0 && chars[start - 1] !== ' ' && start > end - length - 20) start--;
  while (end < chars.length && chars[end] !== ' ' && end < start + length + 20) end++;
  const pieces = cut(chars, found, start, end);
  if (start > 0) pieces.unshift({ text: '…', mark: false });
  if (end < chars.length) pieces.push({ text: '…', mark: false });
  return pieces;
}

/** Rich text as plain text for a snippet: tags dropped, the few character references sanitised HTML holds decoded. */
export function plainTextOf(html: string): string {
  return html
    .replace(/<(br|\/p|\/h[1-6]|\/li|\/td|\/th|\/blockquote|\/figcaption)[^>]*>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;|&#160;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
