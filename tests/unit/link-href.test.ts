import { describe, expect, it } from 'vitest';
import { normalizeLinkHref } from '@/lib/link-href';

const href = (input: string) => {
  const result = normalizeLinkHref(input);
  return result.ok ? result.href : `! ${result.error}`;
};

describe('link addresses typed in the editor', () => {
  it('puts https:// before a bare host, keeps full addresses', () => {
    expect(href('sonoivu.angiang.gov.vn/lien-he')).toBe('https://sonoivu.angiang.gov.vn/lien-he');
    expect(href('  www.angiang.gov.vn ')).toBe('https://www.angiang.gov.vn/');
    expect(href('http://example.vn/a?b=1#c')).toBe('http://example.vn/a?b=1#c');
    expect(href('/tin-tuc/bai-viet')).toBe('/tin-tuc/bai-viet');
  });

  it('recognises phone numbers and email addresses', () => {
    expect(href('0296 3981 818')).toBe('tel:02963981818');
    expect(href('(0296) 3.981.818')).toBe('tel:02963981818');
    expect(href('tel:+84 296 3981 818')).toBe('tel:+842963981818');
    expect(href('vanthu@angiang.gov.vn')).toBe('mailto:vanthu@angiang.gov.vn');
    expect(href('mailto:vanthu@angiang.gov.vn')).toBe('mailto:vanthu@angiang.gov.vn');
  });

  it('refuses what would be a broken or dangerous link, in Vietnamese', () => {
    for (const input of ['', 'javascript:alert(1)', 'lien he', 'trang-lien-he', '//evil.example', 'http://', 'mailto:abc', '12']) {
      expect(href(input), input).toMatch(/^! /);
    }
  });
});
