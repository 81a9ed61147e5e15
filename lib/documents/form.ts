import { z } from 'zod';
import { optionalText, requiredText, rowId } from '@/lib/form-fields';

/**
 * The fields of a document as the editor's form and the CSV import give them (strings), checked
 * and turned into values. Messages are Vietnamese and end up beside the field or on the report line.
 */

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2024-05-07" (a date field) or "07/05/2024" (as people type it in a CSV) → "2024-05-07"; null when it is not a real day. */
export function parseDay(value: string): string | null {
  const text = value.trim();
  const vietnamese = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const iso = vietnamese ? `${vietnamese[3]}-${vietnamese[2]!.padStart(2, '0')}-${vietnamese[1]!.padStart(2, '0')}` : text;
  const match = DAY.exec(iso);
  if (!match) return null;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || y > 2100 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return iso;
}

const requiredDay = (label: string) =>
  z.string({ error: `Hãy nhập ${label}.` }).transform((value, context) => {
    if (!value.trim()) {
      context.addIssue({ code: 'custom', message: `Hãy nhập ${label}.` });
      return z.NEVER;
    }
    const day = parseDay(value);
    if (!day) {
      context.addIssue({ code: 'custom', message: `${label[0]!.toUpperCase()}${label.slice(1)} không hợp lệ (ví dụ 07/05/2024).` });
      return z.NEVER;
    }
    return day;
  });

const optionalDay = (label: string) =>
  z
    .string()
    .default('')
    .transform((value, context) => {
      if (!value.trim()) return null;
      const day = parseDay(value);
      if (!day) {
        context.addIssue({ code: 'custom', message: `${label} không hợp lệ (ví dụ 07/05/2024).` });
        return z.NEVER;
      }
      return day;
    });

const optionalId = z
  .union([z.string(), z.number()])
  .default('')
  .transform((value, context) => {
    if (value === '' || value === '0') return null;
    const parsed = rowId('Lĩnh vực không hợp lệ.').safeParse(value);
    if (!parsed.success) {
      context.addIssue({ code: 'custom', message: 'Lĩnh vực không hợp lệ.' });
      return z.NEVER;
    }
    return parsed.data;
  });

const RELATION = /^(replaces|amends|related):([1-9][0-9]{0,8})$/;

/** "replaces:12,related:40": the relations recorded from this document, as the picker writes them. */
const relations = z
  .string()
  .default('')
  .transform((value, context) => {
    const items = value
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean);
    if (items.length > 50) {
      context.addIssue({ code: 'custom', message: 'Tối đa 50 văn bản liên quan.' });
      return z.NEVER;
    }
    const parsed: { toId: number; kind: 'replaces' | 'amends' | 'related' }[] = [];
    for (const item of items) {
      const match = RELATION.exec(item);
      if (!match) {
        context.addIssue({ code: 'custom', message: 'Văn bản liên quan không hợp lệ.' });
        return z.NEVER;
      }
      parsed.push({ kind: match[1] as 'replaces' | 'amends' | 'related', toId: Number(match[2]) });
    }
    return parsed;
  });

export const documentFields = z
  .object({
    number: requiredText('số/ký hiệu', 100),
    typeId: rowId('Hãy chọn loại văn bản.'),
    issuerId: rowId('Hãy chọn cơ quan ban hành.'),
    fieldId: optionalId,
    signerName: optionalText('tên người ký', 200),
    signerTitle: optionalText('chức vụ người ký', 200),
    issuedOn: requiredDay('ngày ban hành'),
    effectiveOn: optionalDay('Ngày có hiệu lực'),
    expiresOn: optionalDay('Ngày hết hiệu lực'),
    summary: requiredText('trích yếu', 2000),
    relations,
  })
  .superRefine((value, context) => {
    const from = value.effectiveOn ?? value.issuedOn;
    if (value.expiresOn && value.expiresOn <= from) {
      context.addIssue({ code: 'custom', path: ['expiresOn'], message: 'Ngày hết hiệu lực phải sau ngày có hiệu lực.' });
    }
  });

export type DocumentFieldsInput = z.input<typeof documentFields>;
export type DocumentFields = z.output<typeof documentFields>;
