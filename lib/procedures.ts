import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { optionalText, requiredText, rowId } from '@/lib/form-fields';
import { routes } from '@/lib/routes';
import { foldSearchText } from '@/lib/search-text';
import type { CatalogEntry } from './documents/rules';

/**
 * Thủ tục hành chính: what a procedure is, how the public list is asked for, and its CSV import.
 * Pure, shared by pages, actions, the import and the tests.
 */

export type ProcedureLevel = 'province' | 'district' | 'commune';

export const LEVEL_LABELS: Record<ProcedureLevel, string> = {
  province: 'Cấp tỉnh',
  district: 'Cấp huyện',
  commune: 'Cấp xã',
};

/** The query values of "Cấp thực hiện". */
export const LEVEL_PARAMS: Record<string, ProcedureLevel> = { tinh: 'province', huyen: 'district', xa: 'commune' };

export const PROCEDURE_PAGE_SIZE = 20;

export type ProcedureListFilters = { keyword?: string; fieldId?: number; level?: ProcedureLevel };
export type ProcedureListParams = ProcedureListFilters & { page: number; notices: string[] };

type RawParams = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** /thu-tuc-hanh-chinh?tu-khoa=&linh-vuc=&cap=&trang=: a value that names nothing is dropped with a notice. */
export function parseProcedureListParams(raw: RawParams, fields: CatalogEntry[]): ProcedureListParams {
  const notices: string[] = [];
  const params: ProcedureListParams = { page: 1, notices };
  const page = first(raw.trang);
  if (page) {
    if (/^[1-9][0-9]{0,5}$/.test(page)) params.page = Number(page);
    else notices.push('Số trang không hợp lệ, đang hiện trang 1.');
  }
  const keyword = first(raw['tu-khoa'])?.trim();
  if (keyword) {
    if (keyword.length > 200) notices.push('Từ khóa quá dài (tối đa 200 ký tự), đã bỏ qua.');
    else params.keyword = keyword;
  }
  const field = first(raw['linh-vuc']);
  if (field) {
    const id = /^[1-9][0-9]{0,8}$/.test(field) ? Number(field) : 0;
    if (fields.some((entry) => entry.id === id)) params.fieldId = id;
    else notices.push('Lĩnh vực không có trong danh mục, đã bỏ qua.');
  }
  const level = first(raw.cap);
  if (level) {
    if (LEVEL_PARAMS[level]) params.level = LEVEL_PARAMS[level];
    else notices.push('Cấp thực hiện không hợp lệ, đã bỏ qua.');
  }
  return params;
}

export function procedureListHref(filters: ProcedureListFilters, page = 1): string {
  const level = Object.entries(LEVEL_PARAMS).find(([, value]) => value === filters.level)?.[0];
  return routes.procedures({ 'tu-khoa': filters.keyword, 'linh-vuc': filters.fieldId, cap: level, trang: page > 1 ? page : undefined });
}

export function procedureSearchText({ code, name }: { code: string; name: string }): string {
  return `${foldSearchText(code)} ${foldSearchText(name)}`;
}

const longText = (label: string) => optionalText(label, 20_000);

export const procedureFields = z.object({
  code: requiredText('mã thủ tục', 50),
  name: requiredText('tên thủ tục', 500),
  fieldId: z
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
    }),
  level: z.enum(['province', 'district', 'commune'], { error: 'Hãy chọn cấp thực hiện.' }),
  steps: longText('trình tự thực hiện'),
  dossier: longText('thành phần hồ sơ'),
  processingTime: optionalText('thời hạn giải quyết', 500),
  fees: optionalText('phí, lệ phí', 2000),
  legalBasis: longText('căn cứ pháp lý'),
});

export type ProcedureFields = z.output<typeof procedureFields>;

/** "Nghị định số 42/2022/NĐ-CP ngày …" → "42/2022/NĐ-CP": the number a line of Căn cứ pháp lý names, if any. */
export function documentNumberIn(line: string): string | null {
  const match = /(\d+\/[\p{L}\p{N}/.-]*[\p{L}\p{N}])/u.exec(line);
  return match ? match[1]! : null;
}

// ---------------------------------------------------------------------------
// CSV import
// ---------------------------------------------------------------------------

export const PROCEDURE_CSV_COLUMNS = [
  { key: 'code', header: 'Mã thủ tục', required: true },
  { key: 'name', header: 'Tên thủ tục', required: true },
  { key: 'field', header: 'Lĩnh vực', required: false },
  { key: 'level', header: 'Cấp thực hiện', required: true },
  { key: 'steps', header: 'Trình tự thực hiện', required: false },
  { key: 'dossier', header: 'Thành phần hồ sơ', required: false },
  { key: 'processingTime', header: 'Thời hạn giải quyết', required: false },
  { key: 'fees', header: 'Phí, lệ phí', required: false },
  { key: 'legalBasis', header: 'Căn cứ pháp lý', required: false },
  { key: 'status', header: 'Trạng thái', required: false },
] as const;

type ColumnKey = (typeof PROCEDURE_CSV_COLUMNS)[number]['key'];
const key = (text: string) => foldSearchText(text).replace(/[^a-z0-9]/g, '');
const COLUMN_BY_HEADER = new Map<string, ColumnKey>(PROCEDURE_CSV_COLUMNS.map((column) => [key(column.header), column.key]));
const LEVEL_BY_NAME = new Map<string, ProcedureLevel>(
  Object.entries(LEVEL_LABELS).flatMap(([level, label]) => [
    [key(label), level as ProcedureLevel],
    [key(label.replace('Cấp ', '')), level as ProcedureLevel],
  ]),
);

export type ProcedureCsvRow = { line: number; fields: ProcedureFields; status: 'draft' | 'published' };
export type CsvProblem = { line: number; message: string };

export function parseProcedureCsv(text: string, fields: CatalogEntry[]): { procedures: ProcedureCsvRow[]; problems: CsvProblem[] } {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][];
  } catch (error) {
    return {
      procedures: [],
      problems: [
        {
          line: (error as { lines?: number }).lines ?? 1,
          message: 'Tệp không đúng định dạng CSV (dấu ngoặc kép không khép lại hoặc ký tự lạ).',
        },
      ],
    };
  }
  if (records.length < 2)
    return { procedures: [], problems: [{ line: 1, message: 'Tệp cần một dòng tiêu đề và ít nhất một dòng thủ tục.' }] };
  const [header, ...rows] = records as [string[], ...string[][]];
  const columns = header.map((name) => COLUMN_BY_HEADER.get(key(name)) ?? null);
  const problems: CsvProblem[] = [];
  const unknown = header.filter((_, i) => columns[i] === null);
  if (unknown.length > 0) problems.push({ line: 1, message: `Cột không có trong mẫu: ${unknown.join(', ')}.` });
  const missing = PROCEDURE_CSV_COLUMNS.filter((column) => column.required && !columns.includes(column.key)).map((column) => column.header);
  if (missing.length > 0) problems.push({ line: 1, message: `Thiếu cột: ${missing.join(', ')}.` });
  if (problems.length > 0) return { procedures: [], problems };
  if (rows.length > 20_000) return { procedures: [], problems: [{ line: 1, message: 'Tối đa 20.000 dòng mỗi lần nhập.' }] };

  const fieldIds = new Map(fields.map((entry) => [key(entry.name), entry.id]));
  const seen = new Map<string, number>();
  const procedures: ProcedureCsvRow[] = [];
  rows.forEach((row, index) => {
    const line = index + 2;
    const value = (column: ColumnKey) => row[columns.indexOf(column)] ?? '';
    const lineProblems: string[] = [];
    let fieldId = '';
    if (value('field')) {
      const id = fieldIds.get(key(value('field')));
      if (id === undefined) lineProblems.push(`Lĩnh vực “${value('field')}” không có trong danh mục.`);
      else fieldId = String(id);
    }
    const level = LEVEL_BY_NAME.get(key(value('level')));
    if (!level && value('level')) lineProblems.push(`Cấp thực hiện “${value('level')}” không hợp lệ (Cấp tỉnh, Cấp huyện hoặc Cấp xã).`);
    const statusKey = key(value('status'));
    const status = statusKey === '' || statusKey === 'nhap' ? 'draft' : statusKey === 'xuatban' ? 'published' : null;
    if (!status) lineProblems.push(`Trạng thái “${value('status')}” không hợp lệ (để trống, “Nháp” hoặc “Xuất bản”).`);
    const parsed = procedureFields.safeParse({
      code: value('code'),
      name: value('name'),
      fieldId,
      level: level ?? (value('level') ? 'province' : ''),
      steps: value('steps'),
      dossier: value('dossier'),
      processingTime: value('processingTime'),
      fees: value('fees'),
      legalBasis: value('legalBasis'),
    });
    if (!parsed.success) lineProblems.push(...parsed.error.issues.map((issue) => issue.message));
    if (parsed.success && lineProblems.length === 0) {
      const codeKey = key(parsed.data.code);
      const earlier = seen.get(codeKey);
      if (earlier) lineProblems.push(`Mã thủ tục ${parsed.data.code} trùng với dòng ${earlier}.`);
      else seen.set(codeKey, line);
    }
    if (lineProblems.length > 0) problems.push({ line, message: lineProblems.join(' ') });
    else if (parsed.success && status) procedures.push({ line, fields: parsed.data, status });
  });
  return { procedures, problems };
}

/** The sidebar block about feedback on procedures ("… phản ánh kiến nghị về TTHC") links to the procedures. */
export function isProcedureFeedbackBlock(title: string): boolean {
  const folded = foldSearchText(title);
  return /\btthc\b/.test(folded) || folded.includes('thu tuc hanh chinh');
}
