import { diffWords } from 'diff';

export type DiffPart = { value: string; added?: boolean; removed?: boolean };
export type FieldDiff = { label: string; changed: boolean; parts: DiffPart[] };

/** What a reader compares of a revision: plain text, the body without its markup. */
export type ComparableRevision = { title: string; summary: string; byline: string; category: string; bodyText: string };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Sanitised article HTML as the text a reader sees: one paragraph, heading or list item a line. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(br|hr)\b[^>]*>/gi, '\n')
    .replace(/<\/(p|h[1-6]|li|blockquote|figure|figcaption|tr|div)>/gi, '\n')
    .replace(/<img\b[^>]*\balt="([^"]*)"[^>]*>/gi, '[Ảnh: $1]')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
      if (name[0] === '#') {
        const code = name[1]?.toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
      }
      return ENTITIES[name.toLowerCase()] ?? entity;
    })
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

function diffText(before: string, after: string): DiffPart[] {
  if (before === after) return before ? [{ value: before }] : [];
  // A bounded effort: two wholly different long bodies are shown as removed, then added.
  const parts = diffWords(before, after, { timeout: 2000 });
  if (!parts) return [...(before ? [{ value: before, removed: true }] : []), ...(after ? [{ value: after, added: true }] : [])];
  return parts.map(({ value, added, removed }) => ({ value, added, removed }));
}

const FIELDS: [keyof ComparableRevision, string][] = [
  ['title', 'Tiêu đề'],
  ['summary', 'Tóm tắt'],
  ['byline', 'Tác giả'],
  ['category', 'Chuyên mục'],
  ['bodyText', 'Nội dung'],
];

/** A readable comparison, field by field, of an older and a newer revision. */
export function diffRevisions(older: ComparableRevision, newer: ComparableRevision): FieldDiff[] {
  return FIELDS.map(([key, label]) => ({ label, changed: older[key] !== newer[key], parts: diffText(older[key], newer[key]) }));
}
