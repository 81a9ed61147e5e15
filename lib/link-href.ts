/**
 * What a staff member types in the link dialog, turned into an address the sanitiser keeps.
 * People type `sonoivu.angiang.gov.vn/lien-he` or a hotline number, not URLs: without this a bare
 * host became a relative link to a 404 and a phone number a link to nowhere.
 */
export type LinkHref = { ok: true; href: string } | { ok: false; error: string };

const EMAIL = /^[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>()]+$/;
// Vietnamese numbers as written in documents: "0296 3981 818", "(0296) 3.981.818", "+84 296 ...".
const PHONE = /^\+?[\d\s().-]+$/;
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,}(?::\d{1,5})?(?:[/?#]\S*)?$/i;

export function normalizeLinkHref(input: string): LinkHref {
  const value = input.trim();
  if (!value) return { ok: false, error: 'Nhập địa chỉ liên kết.' };
  if (/\s/.test(value) && !PHONE.test(value.replace(/^tel:/i, ''))) return { ok: false, error: 'Địa chỉ liên kết không được có dấu cách.' };

  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
  if (scheme === 'http' || scheme === 'https') {
    try {
      const url = new URL(value);
      if (!url.hostname.includes('.') && url.hostname !== 'localhost') throw new Error('no host');
      return { ok: true, href: url.href };
    } catch {
      return { ok: false, error: 'Địa chỉ trang web không hợp lệ.' };
    }
  }
  if (scheme === 'mailto') {
    return EMAIL.test(value.slice(7)) ? { ok: true, href: value } : { ok: false, error: 'Địa chỉ email không hợp lệ.' };
  }
  if (scheme === 'tel') return phoneHref(value.slice(4));
  if (EMAIL.test(value)) return { ok: true, href: `mailto:${value}` };
  if (PHONE.test(value)) return phoneHref(value);
  // An address on this portal ("/tin-tuc/...") stays relative, so it follows the site's host.
  if (value.startsWith('/') && !value.startsWith('//')) return { ok: true, href: value };
  // `localhost:3000` would read as a scheme; only a dotted host gets https:// put in front.
  if (HOST.test(value)) return normalizeLinkHref(`https://${value}`);
  if (scheme) return { ok: false, error: 'Chỉ nhận địa chỉ trang web (https://), email hoặc số điện thoại.' };
  return { ok: false, error: 'Địa chỉ liên kết không hợp lệ: nhập địa chỉ trang web, email hoặc số điện thoại.' };
}

function phoneHref(value: string): LinkHref {
  const digits = value.replace(/[\s().-]/g, '');
  if (!/^\+?\d{3,15}$/.test(digits)) return { ok: false, error: 'Số điện thoại không hợp lệ.' };
  return { ok: true, href: `tel:${digits}` };
}
