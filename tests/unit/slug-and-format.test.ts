import { describe, expect, it } from 'vitest';
import { parsePageNumber } from '@/app/(vi)/(public)/chuyen-muc/category-view';
import { formatDate, formatDateTime } from '@/lib/format';
import { formatNumber } from '@/lib/format-number';
import { isValidSlug, slugify } from '@/lib/slug';

describe('slugify', () => {
  it('makes the seed article slug from its title', () => {
    expect(
      slugify('HỘI NGHỊ SƠ KẾT GIAO ƯỚC THI ĐUA 6 THÁNG ĐẦU NĂM VÀ TRIỂN KHAI NHIỆM VỤ 6 THÁNG CUỐI NĂM 2018 CÁC TỈNH TÂY NAM BỘ'),
    ).toBe('hoi-nghi-so-ket-giao-uoc-thi-dua-6-thang-dau-nam-va-trien-khai-nhiem-vu-6-thang-cuoi-nam-2018-cac-tinh-tay-nam-bo');
  });

  it('turns đ into d and drops every diacritic, composed or decomposed', () => {
    expect(slugify('Đường dây nóng ngành Nội vụ')).toBe('duong-day-nong-nganh-noi-vu');
    expect(slugify('Thi đua Khen thưởng'.normalize('NFD'))).toBe('thi-dua-khen-thuong');
    expect(slugify('Tổ chức bộ máy - Biên chế')).toBe('to-chuc-bo-may-bien-che');
  });

  it('keeps slugs short and clean', () => {
    expect(slugify('  --Xin chào!!  ')).toBe('xin-chao');
    expect(slugify('a '.repeat(500)).length).toBeLessThanOrEqual(200);
    expect(slugify('a '.repeat(500))).not.toMatch(/-$/);
    expect(slugify('😀 ‮')).toBe('');
  });

  it('accepts only what slugify could have made', () => {
    expect(isValidSlug('thi-dua-khen-thuong')).toBe(true);
    for (const bad of ['', 'Thi-dua', 'a--b', '-a', 'a-', 'ả', '‮abc', 'a/b', 'a'.repeat(201)]) {
      expect(isValidSlug(bad), bad).toBe(false);
    }
  });
});

describe('formatting in Asia/Ho_Chi_Minh', () => {
  it('shows times as the old site did', () => {
    expect(formatDateTime(new Date('2018-08-07T00:37:00Z'))).toBe('07:37 07/08/2018');
    expect(formatDate(new Date('2018-08-07T00:37:00Z'))).toBe('07/08/2018');
  });

  it('moves to the next day at 17:00 UTC', () => {
    expect(formatDateTime(new Date('2026-11-27T16:59:59Z'))).toBe('23:59 27/11/2026');
    expect(formatDateTime(new Date('2026-11-27T17:00:00Z'))).toBe('00:00 28/11/2026');
  });

  it('groups numbers the Vietnamese way', () => {
    expect(formatNumber(52623)).toBe('52.623');
    expect(formatNumber(1234567)).toBe('1.234.567');
    expect(formatNumber(0)).toBe('0');
  });

  it('groups whole numbers exactly as Intl does for vi-VN, without Intl', () => {
    const intl = new Intl.NumberFormat('vi-VN');
    const values = [
      0,
      7,
      99,
      999,
      1000,
      9999,
      10_000,
      52_623,
      999_999,
      1_000_000,
      123_456_789,
      Number.MAX_SAFE_INTEGER,
      -1,
      -1234,
      -1_000_000,
    ];
    for (let n = 1; n < 1e15; n *= 7) values.push(n, n + 1, n - 1);
    for (const value of values) expect(formatNumber(value), String(value)).toBe(intl.format(value));
  });
});

describe('page numbers from the URL', () => {
  it('takes plain page numbers only', () => {
    expect(parsePageNumber('2')).toBe(2);
    for (const bad of ['0', '-1', 'abc', '1e3', '2.5', ' 2', '9999999', '']) {
      expect(parsePageNumber(bad), bad).toBeNull();
    }
  });
});
