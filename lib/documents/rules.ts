import { z } from 'zod';
import { foldSearchText } from '@/lib/search-text';
import { routes } from '@/lib/routes';
import { vietnamDay } from '@/lib/time';

/**
 * What a document is and how the public list is asked for: pure, so pages, actions, the CSV
 * import and the tests share one definition.
 */

export type EffectStatus = 'in_effect' | 'expired' | 'not_yet';

export const EFFECT_LABELS: Record<EffectStatus, string> = {
  in_effect: 'Còn hiệu lực',
  expired: 'Hết hiệu lực',
  not_yet: 'Chưa có hiệu lực',
};

/** The query values of the "Hiệu lực" filter. */
export const EFFECT_PARAMS: Record<string, EffectStatus> = {
  'con-hieu-luc': 'in_effect',
  'het-hieu-luc': 'expired',
  'chua-co-hieu-luc': 'not_yet',
};

export type DocumentDates = { issuedOn: string; effectiveOn: string | null; expiresOn: string | null };

/**
 * Tình trạng hiệu lực on a Vietnamese calendar day ('YYYY-MM-DD'): computed from the dates, never
 * stored, so it changes at midnight in Asia/Ho_Chi_Minh by itself. No effective date means in
 * effect from the day of issue; the expiry date is the first day it no longer applies.
 */
export function effectStatus(dates: DocumentDates, today: string): EffectStatus {
  const from = dates.effectiveOn ?? dates.issuedOn;
  if (from > today) return 'not_yet';
  if (dates.expiresOn !== null && dates.expiresOn <= today) return 'expired';
  return 'in_effect';
}

export function todayInVietnam(now: Date = new Date()): string {
  return vietnamDay(now);
}

/** One number per issuing authority: "42/2022/NĐ-CP", "42/2022/nd-cp" and "42 / 2022 / ND-CP" are one. */
export function documentNumberKey(number: string): string {
  return foldSearchText(number).replace(/\s+/g, '');
}

/** The stored search column: number and trích yếu, folded like a query. */
export function documentSearchText({ number, summary }: { number: string; summary: string }): string {
  return `${foldSearchText(number)} ${foldSearchText(summary)}`;
}

/** The headings of a document's relations, each read from the side of the document shown. */
export const RELATION_LABELS = {
  replaces: 'Thay thế văn bản',
  replacedBy: 'Bị thay thế bởi',
  amends: 'Sửa đổi, bổ sung',
  amendedBy: 'Được sửa đổi, bổ sung bởi',
  related: 'Văn bản liên quan',
} as const;

export const DOCUMENT_PAGE_SIZE = 20;
const MAX_KEYWORD = 200;

export type CatalogEntry = { id: number; name: string };
export type DocumentCatalogs = { types: CatalogEntry[]; issuers: CatalogEntry[]; fields: CatalogEntry[]; signers: CatalogEntry[] };

export type DocumentListFilters = {
  keyword?: string;
  typeId?: number;
  issuerId?: number;
  fieldId?: number;
  year?: number;
  effect?: EffectStatus;
};

export type DocumentListParams = DocumentListFilters & {
  page: number;
  /** What was ignored, in Vietnamese, so the visitor knows why the list is wider than asked. */
  notices: string[];
};

type RawParams = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

const idValue = z
  .string()
  .regex(/^[1-9][0-9]{0,8}$/)
  .transform(Number);

/**
 * /van-ban?tu-khoa=&loai=&co-quan=&linh-vuc=&nam=&hieu-luc=&trang=. Anyone can type an address:
 * a value that names nothing is dropped with a notice and the list is filtered as far as the rest
 * makes sense. A page past the last is for the page to refuse (it knows the total).
 */
export function parseDocumentListParams(raw: RawParams, catalogs: DocumentCatalogs): DocumentListParams {
  const notices: string[] = [];
  const params: DocumentListParams = { page: 1, notices };

  const page = first(raw.trang);
  if (page) {
    if (/^[1-9][0-9]{0,5}$/.test(page)) params.page = Number(page);
    else notices.push('Số trang không hợp lệ, đang hiện trang 1.');
  }

  const keyword = first(raw['tu-khoa'])?.trim();
  if (keyword) {
    if (keyword.length > MAX_KEYWORD) notices.push(`Từ khóa quá dài (tối đa ${MAX_KEYWORD} ký tự), đã bỏ qua.`);
    else params.keyword = keyword;
  }

  const pick = (name: string, list: CatalogEntry[], label: string): number | undefined => {
    const value = first(raw[name]);
    if (!value) return undefined;
    const id = idValue.safeParse(value);
    if (id.success && list.some((entry) => entry.id === id.data)) return id.data;
    notices.push(`${label} không có trong danh mục, đã bỏ qua.`);
    return undefined;
  };
  params.typeId = pick('loai', catalogs.types, 'Loại văn bản');
  params.issuerId = pick('co-quan', catalogs.issuers, 'Cơ quan ban hành');
  params.fieldId = pick('linh-vuc', catalogs.fields, 'Lĩnh vực');

  const year = first(raw.nam);
  if (year) {
    if (/^(19|20)[0-9]{2}$/.test(year)) params.year = Number(year);
    else notices.push('Năm ban hành không hợp lệ, đã bỏ qua.');
  }

  const effect = first(raw['hieu-luc']);
  if (effect) {
    const status = EFFECT_PARAMS[effect];
    if (status) params.effect = status;
    else notices.push('Tình trạng hiệu lực không hợp lệ, đã bỏ qua.');
  }
  return params;
}

/** The list's address for these filters and page; empty filters and page 1 stay out of it. */
export function documentListHref(filters: DocumentListFilters, page = 1): string {
  const effect = Object.entries(EFFECT_PARAMS).find(([, status]) => status === filters.effect)?.[0];
  return routes.documents({
    'tu-khoa': filters.keyword,
    loai: filters.typeId,
    'co-quan': filters.issuerId,
    'linh-vuc': filters.fieldId,
    nam: filters.year,
    'hieu-luc': effect,
    trang: page > 1 ? page : undefined,
  });
}

export function hasFilters(filters: DocumentListFilters): boolean {
  return Boolean(filters.keyword || filters.typeId || filters.issuerId || filters.fieldId || filters.year || filters.effect);
}

/** "2024-05-07" → "07/05/2024". */
export function formatIsoDate(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}
