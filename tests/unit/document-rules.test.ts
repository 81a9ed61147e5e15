import { describe, expect, it } from 'vitest';
import { checkDocumentFile, contentDisposition, FILE_MESSAGES, parseRange } from '@/lib/documents/file-type';
import { parseDay } from '@/lib/documents/form';
import { documentNumberKey, effectStatus, parseDocumentListParams, todayInVietnam } from '@/lib/documents/rules';
import { sampleExecutable, samplePdf, sampleZip } from '../helpers/document-files';

const catalogs = {
  types: [{ id: 1, name: 'Nghị định' }],
  issuers: [{ id: 2, name: 'Chính phủ' }],
  fields: [{ id: 3, name: 'Tôn giáo' }],
  signers: [],
};

describe('document rules', () => {
  it('computes the effect status on the Vietnamese day, turning at midnight Asia/Ho_Chi_Minh', () => {
    const dates = { issuedOn: '2025-12-20', effectiveOn: '2026-01-02', expiresOn: '2026-03-01' };
    // 23:59:59 on 1 January in Vietnam is 16:59:59 UTC; one second later it is 2 January.
    const before = todayInVietnam(new Date('2026-01-01T16:59:59Z'));
    const after = todayInVietnam(new Date('2026-01-01T17:00:00Z'));
    expect([before, after]).toEqual(['2026-01-01', '2026-01-02']);
    expect(effectStatus(dates, before)).toBe('not_yet');
    expect(effectStatus(dates, after)).toBe('in_effect');
    expect(effectStatus(dates, '2026-02-28')).toBe('in_effect');
    expect(effectStatus(dates, '2026-03-01')).toBe('expired');
    // No effective date: in effect from the day of issue.
    expect(effectStatus({ issuedOn: '2026-01-02', effectiveOn: null, expiresOn: null }, after)).toBe('in_effect');
  });

  it('keys a number whatever its accents, case and spaces', () => {
    expect(documentNumberKey('42/2022/NĐ-CP')).toBe('42/2022/nd-cp');
    expect(documentNumberKey(' 42 / 2022 / nd-cp ')).toBe('42/2022/nd-cp');
  });

  it('reads the list address, dropping what names nothing with a Vietnamese notice', () => {
    const ok = parseDocumentListParams(
      { 'tu-khoa': ' 42/2022 ', loai: '1', 'co-quan': '2', 'linh-vuc': '3', nam: '2022', 'hieu-luc': 'con-hieu-luc', trang: '2' },
      catalogs,
    );
    expect(ok).toMatchObject({
      keyword: '42/2022',
      typeId: 1,
      issuerId: 2,
      fieldId: 3,
      year: 2022,
      effect: 'in_effect',
      page: 2,
      notices: [],
    });
    const bad = parseDocumentListParams(
      { 'tu-khoa': 'x'.repeat(5000), loai: '99', nam: 'abc', 'hieu-luc': 'sai', trang: '0', 'linh-vuc': "1' or 1=1" },
      catalogs,
    );
    expect(bad.page).toBe(1);
    for (const key of ['keyword', 'typeId', 'year', 'effect', 'fieldId'] as const) expect(bad[key]).toBeUndefined();
    expect(bad.notices).toHaveLength(6);
    expect(parseDocumentListParams({ nam: '99999' }, catalogs).year).toBeUndefined();
  });

  it('reads days typed either way, refusing days that do not exist', () => {
    expect(parseDay('07/05/2024')).toBe('2024-05-07');
    expect(parseDay('2024-05-07')).toBe('2024-05-07');
    expect(parseDay('31/02/2024')).toBeNull();
    expect(parseDay('hôm qua')).toBeNull();
  });

  it('checks a file by its content, not its name', () => {
    expect(checkDocumentFile('quyet-dinh.pdf', samplePdf())).toMatchObject({ ok: true, mime: 'application/pdf' });
    expect(checkDocumentFile('quyet-dinh.pdf', sampleExecutable())).toEqual({ ok: false, message: FILE_MESSAGES.executable });
    expect(checkDocumentFile('bao-cao.docx', sampleZip('word/document.xml'))).toMatchObject({ ok: true });
    expect(checkDocumentFile('bao-cao.xlsx', sampleZip('word/document.xml'))).toMatchObject({ ok: false });
    expect(checkDocumentFile('quyet-dinh.pdf', sampleZip('word/document.xml'))).toMatchObject({
      ok: false,
      message: FILE_MESSAGES.mismatch('PDF'),
    });
    expect(checkDocumentFile('ho-so.zip', sampleZip('a.txt'))).toMatchObject({ ok: true, mime: 'application/zip' });
    expect(checkDocumentFile('anh.exe', samplePdf())).toEqual({ ok: false, message: FILE_MESSAGES.badName });
    expect(checkDocumentFile('rong.pdf', Buffer.alloc(0))).toMatchObject({ ok: false });
  });

  it('names the file in Vietnamese for RFC 6266 clients and in ASCII for old ones', () => {
    expect(contentDisposition('Quyết định số 1.pdf', false)).toBe(
      `attachment; filename="Quyet dinh so 1.pdf"; filename*=UTF-8''Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%20s%E1%BB%91%201.pdf`,
    );
    expect(contentDisposition('a.pdf', true)).toMatch(/^inline; /);
  });

  it('reads one byte range', () => {
    expect(parseRange('bytes=0-99', 1000)).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=900-', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=1000-', 1000)).toBe('unsatisfiable');
    expect(parseRange('bytes=0-1,5-6', 1000)).toBeNull();
    expect(parseRange(null, 1000)).toBeNull();
  });
});
