import { z } from 'zod';
import type { ArticleStatus } from './permissions';
import { routes } from '@/lib/routes';

type RawParams = Record<string, string | string[] | undefined>;

export type StaffListParams = {
  page: number;
  status?: ArticleStatus;
  categorySlug?: string;
  search?: string;
  /** What was ignored, in Vietnamese, so the person knows why the list is wider than asked. */
  notices: string[];
};

const page = z.coerce.number().int().min(1).max(100_000);
const status = z.enum(['draft', 'submitted', 'published', 'withdrawn']);
const search = z.string().trim().max(200);

/** The first value of a query parameter given once or several times. */
function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The /quan-tri list's address: ?trang=, ?trang-thai=, ?chuyen-muc=, ?q=. A bad value is ignored
 * with a notice instead of failing the page; an address is something anyone can type.
 */
export function parseStaffListParams(raw: RawParams, categorySlugs: readonly string[]): StaffListParams {
  const notices: string[] = [];
  const result: StaffListParams = { page: 1, notices };

  const pageValue = first(raw['trang']);
  if (pageValue !== undefined && pageValue !== '') {
    const parsed = page.safeParse(pageValue);
    if (parsed.success) result.page = parsed.data;
    else notices.push('Số trang không hợp lệ, đang hiện trang 1.');
  }

  const statusValue = first(raw['trang-thai']);
  if (statusValue) {
    const parsed = status.safeParse(statusValue);
    if (parsed.success) result.status = parsed.data;
    else notices.push('Trạng thái không hợp lệ, đang hiện mọi trạng thái.');
  }

  const categoryValue = first(raw['chuyen-muc']);
  if (categoryValue) {
    if (categorySlugs.includes(categoryValue)) result.categorySlug = categoryValue;
    else notices.push('Chuyên mục không tồn tại, đang hiện mọi chuyên mục.');
  }

  const searchValue = first(raw['q']);
  if (searchValue) {
    const parsed = search.safeParse(searchValue);
    if (parsed.success) result.search = parsed.data || undefined;
    else notices.push('Từ khóa tìm kiếm quá dài (tối đa 200 ký tự), đã bỏ qua.');
  }
  return result;
}

/** The list's address for these filters and page; page 1 and empty filters stay out of it. */
export function staffListHref(params: Omit<StaffListParams, 'notices'>): string {
  const query = new URLSearchParams();
  if (params.search) query.set('q', params.search);
  if (params.status) query.set('trang-thai', params.status);
  if (params.categorySlug) query.set('chuyen-muc', params.categorySlug);
  if (params.page > 1) query.set('trang', String(params.page));
  return routes.staff.home(query);
}
