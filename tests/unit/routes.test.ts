import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import {
  englishSwitchOf,
  isImpossiblePublicPath,
  LANGUAGE_PAIRS,
  languageAlternatesOf,
  matchPublicPage,
  NOT_PUBLIC_PREFIXES,
  PUBLIC_ROUTES,
  routes,
  staffAboutViewOf,
  vietnamesePageOf,
} from '@/lib/routes';

const root = path.resolve(import.meta.dirname, '../..');

describe('the route map', () => {
  it('builds every address from one place', () => {
    expect(routes.article('hoi-nghi')).toBe('/tin-tuc/hoi-nghi');
    expect(routes.category('thi-dua', 1)).toBe('/chuyen-muc/thi-dua');
    expect(routes.category('thi-dua', 3)).toBe('/chuyen-muc/thi-dua/trang/3');
    expect(routes.login('/quan-tri/thu-vien-anh')).toBe('/dang-nhap?callbackUrl=%2Fquan-tri%2Fthu-vien-anh');
    expect(routes.login()).toBe('/dang-nhap');
    expect(routes.staff.preview(7, { edit: true })).toBe('/quan-tri/xem-truoc/7?sua=1');
    expect(routes.staff.home({ q: 'thi đua', trang: 2, 'trang-thai': undefined })).toBe('/quan-tri?q=thi+%C4%91ua&trang=2');
    expect(routes.staff.auditLog(1)).toBe('/quan-tri/nhat-ky');
    expect(routes.staff.media(12)).toBe('/quan-tri/thu-vien-anh?truoc=12');
  });

  it('names the public page of a path, and nothing else', () => {
    expect(matchPublicPage('/')).toEqual({ kind: 'home', path: '/' });
    expect(matchPublicPage('/tim-kiem')).toEqual({ kind: 'static', path: '/tim-kiem' });
    expect(matchPublicPage('/tin-tuc/hoi-nghi')).toEqual({ kind: 'article', slug: 'hoi-nghi' });
    expect(matchPublicPage('/chuyen-muc/thi-dua/trang/4')).toEqual({ kind: 'category', slug: 'thi-dua' });
    for (const path of ['/tin-tuc', '/tin-tuc/Hoa', '/tin-tuc/a/b', '/chuyen-muc/x/trang/0', '/quan-tri', '/wp-login.php']) {
      expect(matchPublicPage(path), path).toBeNull();
    }
  });

  it('names the fixed pages of Giới thiệu, Liên hệ and English, and nothing else under them', () => {
    for (const path of [
      '/gioi-thieu',
      '/gioi-thieu/chuc-nang-nhiem-vu',
      '/gioi-thieu/co-cau-to-chuc',
      '/gioi-thieu/lanh-dao',
      '/gioi-thieu/lich-su',
      '/lien-he',
      '/en',
      '/en/organisation',
      '/en/contacts',
    ]) {
      expect(matchPublicPage(path), path).toEqual({ kind: 'static', path });
      expect(isImpossiblePublicPath(path), path).toBe(false);
    }
    expect(routes.about.leaders).toBe('/gioi-thieu/lanh-dao');
    expect(routes.english.contacts).toBe('/en/contacts');
    expect(routes.staff.agency).toBe('/quan-tri/gioi-thieu');
    // A random path under a section of fixed pages never reaches the ISR cache.
    for (const path of ['/gioi-thieu/khong-co', '/gioi-thieu/lanh-dao/x', '/lien-he/a', '/en/about']) {
      expect(isImpossiblePublicPath(path), path).toBe(true);
    }
  });

  it('pairs each page with its page in the other language, for the switch and hreflang alike', () => {
    expect(englishSwitchOf('/gioi-thieu/co-cau-to-chuc')).toBe('/en/organisation');
    expect(englishSwitchOf('/lien-he')).toBe('/en/contacts');
    expect(englishSwitchOf('/gioi-thieu')).toBe('/en');
    expect(englishSwitchOf('/gioi-thieu/lanh-dao')).toBe('/en/contacts');
    expect(englishSwitchOf('/gioi-thieu/chuc-nang-nhiem-vu')).toBe('/en');
    // No English counterpart: the English home page.
    for (const path of ['/', '/tin-tuc/hoi-nghi', '/chuyen-muc/thi-dua', '/van-ban', '/tim-kiem'])
      expect(englishSwitchOf(path), path).toBe('/en');
    expect(vietnamesePageOf('/en')).toBe('/gioi-thieu');
    expect(vietnamesePageOf('/en/organisation')).toBe('/gioi-thieu/co-cau-to-chuc');
    expect(vietnamesePageOf('/en/contacts')).toBe('/lien-he');
    // Every English page has its Vietnamese page, and that page leads back to it.
    for (const path of Object.values(routes.english)) expect(englishSwitchOf(vietnamesePageOf(path)), path).toBe(path);
    // hreflang from the same table: both languages wherever a pair exists, nothing elsewhere.
    expect(languageAlternatesOf('/gioi-thieu/co-cau-to-chuc')).toEqual({ vi: '/gioi-thieu/co-cau-to-chuc', en: '/en/organisation' });
    expect(languageAlternatesOf('/en/contacts')).toEqual({ vi: '/lien-he', en: '/en/contacts' });
    expect(languageAlternatesOf('/tin-tuc/hoi-nghi')).toBeUndefined();
    for (const { vi, en } of LANGUAGE_PAIRS) {
      expect(matchPublicPage(vi), vi).toEqual({ kind: 'static', path: vi });
      expect(matchPublicPage(en), en).toEqual({ kind: 'static', path: en });
    }
  });

  it('sends staff to the in-place editing view of Giới thiệu, Liên hệ and the English pages only', () => {
    expect(staffAboutViewOf('/gioi-thieu/co-cau-to-chuc')).toBe('/ban-bien-tap/gioi-thieu/co-cau-to-chuc');
    expect(staffAboutViewOf('/lien-he')).toBe('/ban-bien-tap/lien-he');
    expect(staffAboutViewOf('/en')).toBe('/ban-bien-tap/en');
    expect(staffAboutViewOf('/en/contacts')).toBe('/ban-bien-tap/en/contacts');
    for (const path of ['/', '/tin-tuc/hoi-nghi', '/lien-he/x', '/en/about', '/van-ban']) expect(staffAboutViewOf(path), path).toBeNull();
  });

  it('calls a path impossible only inside a section with parameters', () => {
    for (const path of [
      '/tin-tuc/Hoa',
      '/tin-tuc/a/b',
      '/tin-tuc',
      '/chuyen-muc/x/trang/0',
      '/chuyen-muc/x/trang/9999999',
      `/tin-tuc/${'a'.repeat(201)}`,
    ]) {
      expect(isImpossiblePublicPath(path), path).toBe(true);
    }
    for (const path of ['/', '/tin-tuc/hoi-nghi', '/chuyen-muc/x/trang/2', '/quan-tri', '/khong-tim-thay', '/wp-login.php']) {
      expect(isImpossiblePublicPath(path), path).toBe(false);
    }
  });

  it('keeps staff, login and route handlers out of the public pages', () => {
    for (const prefix of NOT_PUBLIC_PREFIXES) expect(matchPublicPage(prefix)).toBeNull();
    for (const route of Object.values(PUBLIC_ROUTES)) expect(route.nextRoute.startsWith('/')).toBe(true);
  });
});

/** Product code: everything a reader of the app follows. Tests, scripts and the tools' configs are not. */
const SCANNED = ['app', 'components', 'db', 'lib', 'server', 'proxy.ts', 'auth.ts', 'instrumentation.ts', 'next.config.ts'];

function sourceFiles(entry: string): string[] {
  const full = path.join(root, entry);
  if (!fs.statSync(full).isDirectory()) return [full];
  return fs.readdirSync(full, { withFileTypes: true }).flatMap((child) => {
    if (child.isDirectory()) return sourceFiles(path.join(entry, child.name));
    return /\.(ts|tsx)$/.test(child.name) ? [path.join(root, entry, child.name)] : [];
  });
}

/**
 * String literals that spell an address of the portal: "/tin-tuc/…", `/quan-tri/${id}`, and "/"
 * given as a link. Found in the syntax tree, so comments, regular expressions and imports never count.
 */
function literalAddresses(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node)) {
      const value = node.text;
      const parent = node.parent;
      const isImport = ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isExternalModuleReference(parent);
      const isLink =
        value === '/' &&
        ((ts.isJsxAttribute(parent) && parent.name.getText() === 'href') ||
          (ts.isPropertyAssignment(parent) && parent.name.getText() === 'href'));
      if (!isImport && (/^\/[a-z_]/.test(value) || isLink)) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart());
        found.push(`${path.relative(root, file)}:${line + 1}: ${value}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/**
 * The only literal addresses allowed outside the route map, each with its reason.
 * app/global-error.tsx: a client component that every page loads; importing the route map there
 * would add ~0.8 kB gzip to every public page (the first-load budget in tests/e2e).
 */
const ALLOWED = new Set(['app/global-error.tsx /']);

describe('addresses outside the route map', () => {
  it('are never spelled as literals in the product code', () => {
    const files = SCANNED.flatMap(sourceFiles).filter((file) => path.relative(root, file) !== path.join('lib', 'routes.ts'));
    expect(files.length).toBeGreaterThan(50);
    const found = files.flatMap(literalAddresses);
    const allowed = (entry: string) => ALLOWED.has(entry.replace(/:\d+: /, ' '));
    expect(found.filter((entry) => !allowed(entry))).toEqual([]);
    expect(found.filter(allowed)).toHaveLength(ALLOWED.size);
  });
});
