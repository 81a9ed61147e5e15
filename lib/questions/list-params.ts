import { routes } from '../routes';

/** /hoi-dap?tu-khoa=&linh-vuc=&trang=: the public list's query; a value that names nothing is dropped with a notice. */
export const QUESTION_PAGE_SIZE = 20;

export type QuestionListFilters = { keyword?: string; fieldId?: number };
export type QuestionListParams = QuestionListFilters & { page: number; notices: string[] };

type RawParams = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export function parseQuestionListParams(raw: RawParams, fields: { id: number }[]): QuestionListParams {
  const notices: string[] = [];
  const params: QuestionListParams = { page: 1, notices };
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
  return params;
}

export function questionListHref(filters: QuestionListFilters, page = 1): string {
  return routes.questions({ 'tu-khoa': filters.keyword, 'linh-vuc': filters.fieldId, trang: page > 1 ? page : undefined });
}

/** The staff queue's filters: /quan-tri/hoi-dap?tinh-trang=&linh-vuc=&don-vi=&so-ngay=&qua-han=1&trang= */
export type StaffQuestionParams = {
  status?: 'received' | 'processing' | 'answered' | 'refused';
  fieldId?: number;
  /** A unit id, or 'none' for the questions not yet assigned. */
  unit?: number | 'none';
  minDaysOpen?: number;
  overdue: boolean;
  page: number;
};

const STATUS_PARAMS = {
  'da-tiep-nhan': 'received',
  'dang-xu-ly': 'processing',
  'da-tra-loi': 'answered',
  'khong-tiep-nhan': 'refused',
} as const;

export const STAFF_STATUS_PARAMS = STATUS_PARAMS;

const id = (value: string | undefined) => (value && /^[1-9][0-9]{0,8}$/.test(value) ? Number(value) : undefined);

export function parseStaffQuestionParams(raw: RawParams): StaffQuestionParams {
  const status = first(raw['tinh-trang']);
  const unit = first(raw['don-vi']);
  const days = first(raw['so-ngay']);
  return {
    status: status && status in STATUS_PARAMS ? STATUS_PARAMS[status as keyof typeof STATUS_PARAMS] : undefined,
    fieldId: id(first(raw['linh-vuc'])),
    unit: unit === 'chua-phan-cong' ? 'none' : id(unit),
    minDaysOpen: days && /^[1-9][0-9]{0,3}$/.test(days) ? Number(days) : undefined,
    overdue: first(raw['qua-han']) === '1',
    page: id(first(raw.trang)) ?? 1,
  };
}

export function staffQuestionListHref(params: StaffQuestionParams, page = 1): string {
  const status = Object.entries(STATUS_PARAMS).find(([, value]) => value === params.status)?.[0];
  return routes.staff.questions({
    'tinh-trang': status,
    'linh-vuc': params.fieldId,
    'don-vi': params.unit === 'none' ? 'chua-phan-cong' : params.unit,
    'so-ngay': params.minDaysOpen,
    'qua-han': params.overdue ? 1 : undefined,
    trang: page > 1 ? page : undefined,
  });
}
