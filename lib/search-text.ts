/**
 * Title search that ignores diacritics and case: "hoi nghi", "HỘI NGHỊ" and "Hội nghị" find the
 * same articles. The database folds the title with translate() over every precomposed Vietnamese
 * letter (titles are stored NFC by cleanPlainText), so no extension and no extra column is needed;
 * the query is folded the same way here.
 */
const BASES = 'aăâeêioôơuưy';
const TONES = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];

function buildFolding(): { from: string; to: string } {
  let from = 'đĐ';
  let to = 'dd';
  for (const base of BASES) {
    const plain = base.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    for (const tone of TONES) {
      const letter = (base + tone).normalize('NFC');
      if (letter === plain) continue;
      for (const variant of [letter, letter.toUpperCase()]) {
        if (variant.length === 1 && !from.includes(variant)) {
          from += variant;
          to += plain;
        }
      }
    }
  }
  return { from, to };
}

/** The two translate() arguments: each accented letter and its plain lower-case letter. */
export const VIETNAMESE_FOLDING = buildFolding();

/**
 * Text without diacritics, lower case: how a query is folded, and how a stored search column
 * (documents.search_text) is written, so both sides of a LIKE fold alike on either database.
 */
export function foldSearchText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

/** The words of a search, without diacritics, lower case; empty when nothing searchable remains. */
export function searchWords(query: string): string[] {
  return foldSearchText(query).split(/\s+/).filter(Boolean).slice(0, 10);
}

/** A word as a LIKE pattern matching it anywhere, its wildcards taken literally. */
export function containsPattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Folded text as whole words for the site search: every run of characters other than a-z and 0-9
 * becomes one space, with a space at each end, so " dong khoi " finds the words "Đồng Khởi" and
 * never the inside of another word. The database folds with the same rules (foldedWordsSql below)
 * when its triggers write the search index, search_entries, as full-text vectors.
 */
export function searchWordsText(text: string): string {
  const words = foldSearchText(text.normalize('NFC'))
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  return words ? ` ${words} ` : ' ';
}

/** A search term: one word, or the words of a phrase in quotes that must follow each other. */
export type SearchTerm = {
  /** Lower case, diacritics kept, words separated by one space ("đồng khởi"). */
  exact: string;
  /** The same words folded ("dong khoi"): what must be found, as whole words, in the folded text. */
  folded: string;
};

export type SearchQuery = {
  /** The query as it is kept in the address and the search box: at most SEARCH_MAX_CHARS characters. */
  text: string;
  terms: SearchTerm[];
  /** Whether any word was typed with diacritics (or đ): then exact matches rank first. */
  hasDiacritics: boolean;
};

export const SEARCH_MAX_CHARS = 200;
export const SEARCH_MAX_WORDS = 10;

/**
 * A visitor's query, made harmless and bounded: at most 200 characters and 10 words are used;
 * everything that is not a letter or a digit (`%`, `_`, `'`, `\`, `&`, `|`, `!`, `:*`, emoji) only
 * separates words, so it can never act as a pattern or an operator. Text in double quotes
 * (straight or curly) is a phrase.
 */
export function parseSearchQuery(input: string): SearchQuery {
  const text = Array.from(input.normalize('NFC').replace(/\s+/g, ' ').trim()).slice(0, SEARCH_MAX_CHARS).join('');
  const terms: SearchTerm[] = [];
  let words = 0;
  const add = (part: string) => {
    if (words >= SEARCH_MAX_WORDS) return;
    const exactWords = part
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => searchWordsText(word).trim() !== '')
      .slice(0, SEARCH_MAX_WORDS - words);
    if (exactWords.length === 0) return;
    words += exactWords.length;
    const exact = exactWords.join(' ');
    const term = { exact, folded: searchWordsText(exact).trim() };
    if (!terms.some((known) => known.exact === term.exact)) terms.push(term);
  };
  // Curly quotes count as quotes; an unclosed quote opens a phrase up to the end.
  const parts = text.replace(/[“”„‟″]/g, '"').split('"');
  parts.forEach((part, index) => {
    if (index % 2 === 1) add(part);
    else for (const word of part.split(' ')) add(word);
  });
  const hasDiacritics = terms.some((term) => term.exact.replace(/[^\p{L}\p{N} ]/gu, '') !== term.folded);
  return { text, terms, hasDiacritics };
}

/** A term as a LIKE pattern over searchWordsText: its words, whole, one after the other. */
export function wholeWordsPattern(term: SearchTerm): string {
  return `% ${term.folded} %`;
}

/**
 * searchWordsText written in SQL, for the database to fold stored text the same way: lower case,
 * combining marks dropped (text pasted in decomposed form), every precomposed Vietnamese letter and
 * đ/Đ folded by translate() over VIETNAMESE_FOLDING, then words as above. Every function in it is
 * IMMUTABLE. It is the body of the database's search_words() (drizzle/0014_search_entries_triggers.sql,
 * which the index's triggers use) and folds the agency pages as they are read. `expression` is trusted SQL.
 */
export function foldedWordsSql(expression: string): string {
  const { from, to } = VIETNAMESE_FOLDING;
  const folded = `translate(regexp_replace(lower(${expression}), '[\\u0300-\\u036f]', '', 'g'), '${from}', '${to}')`;
  return `(' ' || btrim(regexp_replace(${folded}, '[^a-z0-9]+', ' ', 'g')) || ' ')`;
}

/** Rich text as plain text for foldedWordsSql: tags and character references become spaces. */
export function htmlTextSql(expression: string): string {
  return `regexp_replace(${expression}, '<[^>]*>|&[A-Za-z0-9#]+;', ' ', 'g')`;
}

/**
 * The query for to_tsquery('simple', …): every term must match (&), the words of a phrase one after
 * the other (<->). Folded words hold only a-z and 0-9, so nothing in them is a tsquery operator.
 * `weight: 'A'`: in the title only (the words the index weights A). `anyOrder`: a phrase's words
 * anywhere, for a vector without positions (search_entries.words), where <-> never matches.
 */
export function searchTsQuery(query: SearchQuery, options: { weight?: 'A'; anyOrder?: boolean } = {}): string {
  const word = options.weight ? (folded: string) => `${folded}:${options.weight}` : (folded: string) => folded;
  const joiner = options.anyOrder ? ' & ' : ' <-> ';
  return query.terms.map((term) => `(${term.folded.split(' ').map(word).join(joiner)})`).join(' & ');
}

/** Whether a term is a phrase: its words must follow each other, which only positions can tell. */
export function hasPhrase(query: SearchQuery): boolean {
  return query.terms.some((term) => term.folded.includes(' '));
}
