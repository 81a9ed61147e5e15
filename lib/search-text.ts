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
