import { AGENCY_PAGE_TITLES, type AgencyPageKey } from './agency/names';
import { ROLE_LABELS, type Role } from './permissions';
import { routes } from './routes';

/**
 * The audit log as sentences a civil servant reads: who did what to which thing, by its name and
 * with a link to it, never "from: submitted · slug: …" or "#3". Pure, so every action's sentence
 * is tested (tests/unit/audit-sentences.test.ts).
 */
export type AuditSubject = {
  action: string;
  objectType: string;
  objectId: string | null;
  detail: unknown;
  /** The thing's current name, when it still exists: article title, account, category, block, entry. */
  objectName: string | null;
};

/** A piece of the sentence: plain text, or the thing it concerns with a link to where it is managed. */
export type SentencePart = { text: string; href?: string };

const SITE_FIELDS: Record<string, string> = {
  name: 'tên cơ quan',
  parentName: 'cơ quan chủ quản',
  description: 'mô tả',
  address: 'địa chỉ',
  phone: 'điện thoại',
  email: 'email',
};

/**
 * Actions of other sections (documents, procedures, settings added since), said as their label and
 * the name of what they concern: a sentence still, though without the detail of the ones above.
 */
const OTHER_ACTIONS: Record<string, string> = {
  'org_unit.create': 'Thêm đơn vị',
  'org_unit.update': 'Sửa đơn vị',
  'org_unit.move': 'Chuyển đơn vị',
  'org_unit.reorder': 'Đổi thứ tự đơn vị',
  'org_unit.delete': 'Xóa đơn vị',
  'person.create': 'Thêm cán bộ',
  'person.update': 'Sửa thông tin cán bộ',
  'person.move': 'Chuyển cán bộ sang đơn vị khác',
  'person.reorder': 'Đổi thứ tự cán bộ',
  'person.disable': 'Ngừng hiển thị cán bộ',
  'person.enable': 'Hiển thị lại cán bộ',
  'agency_page.update': 'Sửa trang giới thiệu',
  'document.create': 'Thêm văn bản',
  'document.update': 'Sửa văn bản',
  'document.publish': 'Xuất bản văn bản',
  'document.withdraw': 'Gỡ văn bản',
  'document.file_add': 'Đính kèm tệp vào văn bản',
  'document.file_remove': 'Xóa tệp đính kèm của văn bản',
  'document.import': 'Nhập văn bản từ CSV',
  'document_catalog.create': 'Thêm mục danh mục văn bản',
  'document_catalog.rename': 'Đổi tên mục danh mục văn bản',
  'document_catalog.delete': 'Xóa mục danh mục văn bản',
  'procedure.create': 'Thêm thủ tục hành chính',
  'procedure.update': 'Sửa thủ tục hành chính',
  'procedure.publish': 'Xuất bản thủ tục hành chính',
  'procedure.withdraw': 'Gỡ thủ tục hành chính',
  'procedure.import': 'Nhập thủ tục hành chính từ CSV',
  'setting.public_service_portal': 'Đổi địa chỉ cổng dịch vụ công',
};

type Detail = Record<string, unknown>;

const quoted = (value: unknown) => `“${String(value)}”`;
const roleLabel = (role: unknown) => ROLE_LABELS[role as Role] ?? String(role);
const direction = (value: unknown) => (value === 'up' ? 'lên trên' : 'xuống dưới');
const phones = (value: unknown) => (Array.isArray(value) && value.length ? value.join(', ') : 'không có');
const orNone = (value: unknown) => (value === null || value === undefined || value === '' ? 'không có' : String(value));

/** Where the thing an entry concerns is managed (the article's history shows every version). */
function linkFor({ objectType, objectId }: AuditSubject): string | undefined {
  switch (objectType) {
    case 'article':
      return objectId && /^\d+$/.test(objectId) ? routes.staff.articleHistory(Number(objectId)) : undefined;
    case 'user':
      return routes.staff.accounts;
    case 'category':
    case 'settings':
      return routes.staff.settings;
    case 'contact_block':
    case 'contact_entry':
      return routes.staff.contacts;
    case 'media':
      return routes.staff.media();
    case 'org_unit':
    case 'person':
    case 'agency_page':
      return routes.staff.agency;
    default:
      return undefined;
  }
}

/** What changed between two objects, named in Vietnamese: "điện thoại từ “a” thành “b”". */
function changes(
  from: unknown,
  to: unknown,
  labels: Record<string, string>,
  show: (key: string, value: unknown) => string = (_k, v) => quoted(orNone(v)),
): string[] {
  const before = (from ?? {}) as Detail;
  const after = (to ?? {}) as Detail;
  return Object.keys(labels)
    .filter((key) => key in after && JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null))
    .map((key) => `${labels[key]} từ ${show(key, before[key])} thành ${show(key, after[key])}`);
}

export function describeAuditEntry(entry: AuditSubject): SentencePart[] {
  const detail = (entry.detail && typeof entry.detail === 'object' ? entry.detail : {}) as Detail;
  const href = linkFor(entry);
  const thing = (fallback: string): SentencePart => ({ text: quoted(entry.objectName ?? fallback), href });
  const text = (value: string): SentencePart => ({ text: value });
  const deleted = (name: unknown): SentencePart => ({ text: quoted(name ?? 'không rõ') });

  switch (entry.action) {
    case 'article.publish':
      return [
        text('xuất bản bài viết '),
        thing(String(detail.slug ?? 'không rõ')),
        text(detail.from === 'submitted' ? ' (bài gửi duyệt).' : '.'),
      ];
    case 'article.withdraw':
      return [text('gỡ bài viết '), thing(String(detail.slug ?? 'không rõ')), text(' khỏi cổng thông tin.')];
    case 'article.return':
      return [
        text('trả lại bài viết '),
        thing(String(detail.slug ?? 'không rõ')),
        text(` cho tác giả, với góp ý: ${quoted(detail.comment ?? '')}.`),
      ];
    case 'article.restore':
      return [
        text(`khôi phục phiên bản ${detail.restoredVersion} của bài viết `),
        thing(String(detail.slug ?? 'không rõ')),
        text(` (thành phiên bản ${detail.newVersion}).`),
      ];
    case 'user.create':
      return [text('thêm tài khoản '), thing('đã xóa'), text(` với vai trò ${roleLabel(detail.role)}.`)];
    case 'user.role':
      return [text('đổi vai trò của tài khoản '), thing('đã xóa'), text(` thành ${roleLabel(detail.role)}.`)];
    case 'user.disable':
      return [text('khóa tài khoản '), thing('đã xóa'), text('.')];
    case 'user.enable':
      return [text('mở khóa tài khoản '), thing('đã xóa'), text('.')];
    case 'user.password':
      return [text('đổi mật khẩu của mình ('), thing('đã xóa'), text(').')];
    case 'user.temporary-password':
      return [text('đặt mật khẩu tạm thời cho tài khoản '), thing('đã xóa'), text(', người dùng phải đổi ở lần đăng nhập tới.')];
    case 'settings.update': {
      const changed = changes(detail.from, detail.to, SITE_FIELDS);
      return [
        text('sửa '),
        { text: 'thông tin cơ quan', href },
        text(changed.length ? `: ${changed.join('; ')}.` : ' (không có gì thay đổi).'),
      ];
    }
    case 'settings.visit_counter_offset':
      return [
        text('đổi '),
        { text: 'số bắt đầu của “Lượt truy cập”', href },
        text(` từ ${orNone(detail.from)} thành ${orNone(detail.to)}.`),
      ];
    case 'category.create':
      return [
        text('thêm chuyên mục '),
        thing(String(detail.name ?? '')),
        text(detail.inMenu === false ? ' (không hiện trên thanh menu).' : ' (hiện trên thanh menu).'),
      ];
    case 'category.update': {
      const to = (detail.to ?? {}) as Detail;
      const changed = changes(detail.from, detail.to, { name: 'tên', inMenu: 'thanh menu' }, (key, value) =>
        key === 'inMenu' ? (value ? 'hiện' : 'ẩn') : quoted(orNone(value)),
      );
      return [
        text('sửa chuyên mục '),
        thing(String(to.name ?? '')),
        text(changed.length ? `: ${changed.join('; ')}.` : ' (không có gì thay đổi).'),
      ];
    }
    case 'category.move':
      return [text('chuyển chuyên mục '), thing('đã xóa'), text(` ${direction(detail.direction)} trong thanh menu.`)];
    case 'contact_block.create':
      return [text('thêm khối liên hệ '), thing(String(detail.title ?? '')), text('.')];
    case 'contact_block.rename':
      return [text(`đổi tên khối liên hệ ${quoted(detail.from)} thành `), thing(String(detail.to ?? '')), text('.')];
    case 'contact_block.move':
      return [text('chuyển khối liên hệ '), thing('đã xóa'), text(` ${direction(detail.direction)}.`)];
    case 'contact_block.delete':
      return [
        text('xóa khối liên hệ '),
        deleted(detail.title),
        text(typeof detail.entries === 'number' ? ` cùng ${detail.entries} mục trong khối.` : '.'),
      ];
    case 'contact_entry.create':
      return [
        text('thêm mục liên hệ '),
        thing(String(detail.name ?? '')),
        text(`: điện thoại ${phones(detail.phones)}, email ${orNone(detail.email)}.`),
      ];
    case 'contact_entry.update': {
      const changed = changes(detail.from, detail.to, { name: 'tên', phones: 'điện thoại', email: 'email' }, (key, value) =>
        key === 'phones' ? phones(value) : quoted(orNone(value)),
      );
      const to = (detail.to ?? {}) as Detail;
      return [
        text('sửa mục liên hệ '),
        thing(String(to.name ?? '')),
        text(changed.length ? `: ${changed.join('; ')}.` : ' (không có gì thay đổi).'),
      ];
    }
    case 'contact_entry.move':
      return [text('chuyển mục liên hệ '), thing('đã xóa'), text(` ${direction(detail.direction)} trong khối.`)];
    case 'contact_entry.delete':
      return [text('xóa mục liên hệ '), deleted(detail.name), text(` (điện thoại ${phones(detail.phones)}).`)];
    case 'media.replace': {
      const count = (value: unknown) => (Array.isArray(value) ? value.length : 0);
      const places = [
        count(detail.articles) ? `${count(detail.articles)} bài viết` : null,
        count(detail.people) ? `${count(detail.people)} ảnh chân dung` : null,
        count(detail.pages) ? `${count(detail.pages)} trang giới thiệu` : null,
      ].filter(Boolean);
      return [
        text(`thay ảnh ${quoted(detail.fromAlt ?? '')} bằng ảnh mới ${quoted(detail.alt ?? '')} trong `),
        { text: 'Thư viện ảnh', href },
        text(places.length ? `, ở ${places.join(', ')}.` : ' (ảnh cũ chưa được dùng ở đâu).'),
      ];
    }
    case 'media.delete':
      return [text('xóa ảnh '), deleted(detail.alt), text(' khỏi '), { text: 'Thư viện ảnh', href }, text('.')];
    default: {
      const label = OTHER_ACTIONS[entry.action];
      if (!label) return [text(`thực hiện thao tác “${entry.action}”.`)];
      const verb = label.charAt(0).toLowerCase() + label.slice(1);
      const pageTitle =
        entry.objectType === 'agency_page' && entry.objectId ? AGENCY_PAGE_TITLES[entry.objectId as AgencyPageKey] : undefined;
      if (pageTitle) return [text(`${verb} `), { text: pageTitle, href }, text('.')];
      return entry.objectName ? [text(`${verb} `), thing(''), text('.')] : [text(`${verb}.`)];
    }
  }
}
