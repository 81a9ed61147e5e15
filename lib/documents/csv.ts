import { parse } from 'csv-parse/sync';
import { foldSearchText } from '@/lib/search-text';
import { documentFields, type DocumentFields } from './form';
import type { DocumentCatalogs } from './rules';

/**
 * The CSV import of documents: UTF-8, with or without BOM, comma-separated, one header line with
 * the column names below (accents, case and spacing aside: "Số/Ký hiệu" = "so ky hieu"). Every
 * line is checked before anything is written; the report names each line and what is wrong with
 * it, in Vietnamese. Pure: the database checks (numbers already used) are the caller's.
 */

export const CSV_COLUMNS = [
  { key: 'number', header: 'Số/Ký hiệu', required: true },
  { key: 'type', header: 'Loại văn bản', required: true },
  { key: 'issuer', header: 'Cơ quan ban hành', required: true },
  { key: 'field', header: 'Lĩnh vực', required: false },
  { key: 'signerName', header: 'Người ký', required: false },
  { key: 'signerTitle', header: 'Chức vụ người ký', required: false },
  { key: 'issuedOn', header: 'Ngày ban hành', required: true },
  { key: 'effectiveOn', header: 'Ngày có hiệu lực', required: false },
  { key: 'expiresOn', header: 'Ngày hết hiệu lực', required: false },
  { key: 'summary', header: 'Trích yếu', required: true },
  { key: 'status', header: 'Trạng thái', required: false },
] as const;

export const MAX_CSV_BYTES = 10 * 1024 * 1024;
export const MAX_CSV_ROWS = 20_000;

type ColumnKey = (typeof CSV_COLUMNS)[number]['key'];

export type CsvProblem = { line: number; message: string };
export type CsvDocument = { line: number; fields: DocumentFields; status: 'draft' | 'published' };
export type CsvResult = { documents: CsvDocument[]; problems: CsvProblem[] };

const headerKey = (text: string) => foldSearchText(text).replace(/[^a-z0-9]/g, '');
const COLUMN_BY_HEADER = new Map<string, ColumnKey>(CSV_COLUMNS.map((column) => [headerKey(column.header), column.key]));

const FIELD_LABELS: Record<string, string> = {
  number: 'Số/Ký hiệu',
  typeId: 'Loại văn bản',
  issuerId: 'Cơ quan ban hành',
  fieldId: 'Lĩnh vực',
  signerName: 'Người ký',
  signerTitle: 'Chức vụ người ký',
  issuedOn: 'Ngày ban hành',
  effectiveOn: 'Ngày có hiệu lực',
  expiresOn: 'Ngày hết hiệu lực',
  summary: 'Trích yếu',
};

/** "Xuất bản" publishes at once; empty or "Nháp" keeps a draft. */
function statusOf(value: string): 'draft' | 'published' | null {
  const key = headerKey(value);
  if (key === '' || key === 'nhap' || key === 'bannhap') return 'draft';
  if (key === 'xuatban' || key === 'daxuatban') return 'published';
  return null;
}

export function parseDocumentCsv(text: string, catalogs: DocumentCatalogs): CsvResult {
  const problems: CsvProblem[] = [];
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return { documents: [], problems: [{ line, message: 'Tệp không đúng định dạng CSV (dấu ngoặc kép không khép lại hoặc ký tự lạ).' }] };
  }
  if (records.length === 0)
    return { documents: [], problems: [{ line: 1, message: 'Tệp trống: cần một dòng tiêu đề và ít nhất một dòng văn bản.' }] };

  const [header, ...rows] = records as [string[], ...string[][]];
  const columns = header.map((name) => COLUMN_BY_HEADER.get(headerKey(name)) ?? null);
  const unknown = header.filter((_, i) => columns[i] === null);
  if (unknown.length > 0) problems.push({ line: 1, message: `Cột không có trong mẫu: ${unknown.join(', ')}.` });
  const missing = CSV_COLUMNS.filter((column) => column.required && !columns.includes(column.key)).map((column) => column.header);
  if (missing.length > 0) problems.push({ line: 1, message: `Thiếu cột: ${missing.join(', ')}.` });
  if (problems.length > 0) return { documents: [], problems };
  if (rows.length === 0) return { documents: [], problems: [{ line: 1, message: 'Tệp chỉ có dòng tiêu đề, không có văn bản nào.' }] };
  if (rows.length > MAX_CSV_ROWS)
    return { documents: [], problems: [{ line: 1, message: `Tệp có ${rows.length} dòng, tối đa ${MAX_CSV_ROWS} dòng mỗi lần nhập.` }] };

  const byName = (list: { id: number; name: string }[]) => new Map(list.map((entry) => [headerKey(entry.name), entry.id]));
  const types = byName(catalogs.types);
  const issuers = byName(catalogs.issuers);
  const fields = byName(catalogs.fields);
  const seen = new Map<string, number>();
  const documents: CsvDocument[] = [];

  rows.forEach((row, index) => {
    // Row numbers as a spreadsheet shows them: the header is row 1, and a quoted value spanning
    // several text lines is still one row, as in the spreadsheet the file was saved from.
    const line = index + 2;
    const value = (key: ColumnKey) => row[columns.indexOf(key)] ?? '';
    const lineProblems: string[] = [];
    const lookup = (map: Map<string, number>, key: ColumnKey, label: string): string => {
      const text = value(key);
      if (!text) return '';
      const id = map.get(headerKey(text));
      if (id === undefined) {
        lineProblems.push(`${label} “${text}” không có trong danh mục.`);
        return 'x';
      }
      return String(id);
    };
    const typeId = lookup(types, 'type', 'Loại văn bản');
    const issuerId = lookup(issuers, 'issuer', 'Cơ quan ban hành');
    const fieldId = lookup(fields, 'field', 'Lĩnh vực');
    const status = statusOf(value('status'));
    if (!status) lineProblems.push(`Trạng thái “${value('status')}” không hợp lệ (để trống, “Nháp” hoặc “Xuất bản”).`);

    const parsed = documentFields.safeParse({
      number: value('number'),
      typeId: typeId === 'x' ? '1' : typeId,
      issuerId: issuerId === 'x' ? '1' : issuerId,
      fieldId: fieldId === 'x' ? '' : fieldId,
      signerName: value('signerName'),
      signerTitle: value('signerTitle'),
      issuedOn: value('issuedOn'),
      effectiveOn: value('effectiveOn'),
      expiresOn: value('expiresOn'),
      summary: value('summary'),
      relations: '',
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        // A missing catalogue entry was already reported by name.
        if ((field === 'typeId' && typeId === 'x') || (field === 'issuerId' && issuerId === 'x')) continue;
        lineProblems.push(field === 'typeId' || field === 'issuerId' ? `Thiếu ${FIELD_LABELS[field]!.toLowerCase()}.` : issue.message);
      }
    }
    if (parsed.success && lineProblems.length === 0) {
      const key = `${parsed.data.issuerId}\t${foldSearchText(parsed.data.number).replace(/\s+/g, '')}`;
      const earlier = seen.get(key);
      if (earlier) lineProblems.push(`Số/Ký hiệu ${parsed.data.number} trùng với dòng ${earlier} (cùng cơ quan ban hành).`);
      else seen.set(key, line);
    }
    if (lineProblems.length > 0) problems.push({ line, message: lineProblems.join(' ') });
    else if (parsed.success && status) documents.push({ line, fields: parsed.data, status });
  });
  return { documents, problems };
}

/** The header line of the template, for the "Tải mẫu CSV" link and the README. */
export const CSV_TEMPLATE = `${CSV_COLUMNS.map((column) => column.header).join(',')}\n`;
