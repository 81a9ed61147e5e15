import { describe, expect, it } from 'vitest';
import { AUDIT_SAMPLES } from '../helpers/audit-samples';
import { describeAuditEntry, type AuditSubject } from '@/lib/audit-labels';

const sentence = (entry: AuditSubject) =>
  describeAuditEntry(entry)
    .map((part) => part.text)
    .join('');

describe('the audit log reads as sentences', () => {
  it('names the thing concerned and links to it', () => {
    const parts = describeAuditEntry({
      action: 'article.publish',
      objectType: 'article',
      objectId: '3',
      detail: { slug: 'bai-3', from: 'submitted' },
      objectName: 'Thông báo tuyển dụng',
    });
    expect(parts.map((p) => p.text).join('')).toBe('xuất bản bài viết “Thông báo tuyển dụng” (bài gửi duyệt).');
    expect(parts.find((p) => p.href)).toEqual({ text: '“Thông báo tuyển dụng”', href: '/quan-tri/bai-viet/3/lich-su' });
  });

  it('names the directory’s units, people and pages, and where an image was replaced', () => {
    const unit = describeAuditEntry({
      action: 'org_unit.update',
      objectType: 'org_unit',
      objectId: '4',
      detail: {},
      objectName: 'Thanh tra Sở',
    });
    expect(unit.map((p) => p.text).join('')).toBe('sửa đơn vị “Thanh tra Sở”.');
    expect(unit.find((p) => p.href)?.href).toBe('/quan-tri/gioi-thieu');
    expect(
      sentence({ action: 'agency_page.update', objectType: 'agency_page', objectId: 'en_overview', detail: {}, objectName: null }),
    ).toBe('sửa trang giới thiệu Giới thiệu bằng tiếng Anh (trang /en).');
    expect(
      sentence({
        action: 'media.replace',
        objectType: 'media',
        objectId: '10',
        detail: {
          fromId: 9,
          fromAlt: 'Ảnh cũ',
          alt: 'Ảnh mới',
          articles: [
            { id: 3, title: 'A' },
            { id: 4, title: 'B' },
          ],
          people: [{ id: 1 }],
          pages: [],
        },
        objectName: null,
      }),
    ).toBe('thay ảnh “Ảnh cũ” bằng ảnh mới “Ảnh mới” trong Thư viện ảnh, ở 2 bài viết, 1 ảnh chân dung.');
  });

  it('says what changed, in words, for every action the portal records', () => {
    expect(
      sentence({ action: 'user.role', objectType: 'user', objectId: '2', detail: { role: 'editor' }, objectName: 'Lan (lan@example.vn)' }),
    ).toBe('đổi vai trò của tài khoản “Lan (lan@example.vn)” thành Biên tập viên.');
    expect(
      sentence({
        action: 'contact_entry.update',
        objectType: 'contact_entry',
        objectId: '5',
        detail: {
          from: { name: 'Văn thư', phones: ['0296 3981 818'], email: null },
          to: { name: 'Văn thư', phones: ['0296 3981 819'], email: null },
        },
        objectName: 'Văn thư',
      }),
    ).toBe('sửa mục liên hệ “Văn thư”: điện thoại từ 0296 3981 818 thành 0296 3981 819.');
    expect(
      sentence({
        action: 'contact_entry.create',
        objectType: 'contact_entry',
        objectId: '6',
        detail: { blockId: 2, name: 'Ông A', phones: ['0983.570.009'], email: null },
        objectName: 'Ông A',
      }),
    ).toBe('thêm mục liên hệ “Ông A”: điện thoại 0983.570.009, email không có.');
    for (const sample of AUDIT_SAMPLES) {
      const text = sentence(sample);
      // Never the programmer's view: keys, JSON, English status names or a bare number.
      expect(text, sample.action).not.toMatch(/\b(from|to|slug|role|blockId|email: null|submitted|editor|null|undefined)\b|[{}[\]]|#\d/);
      expect(text, sample.action).toMatch(/\.$/);
    }
  });
});
