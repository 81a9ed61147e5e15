import { afterEach, describe, expect, it, vi } from 'vitest';
import { canonicalAlternates, canonicalLinks, siteUrl } from '@/lib/site-url';

afterEach(() => vi.unstubAllEnvs());

describe('the public address for canonical links', () => {
  it('is SITE_URL, else NEXTAUTH_URL', () => {
    vi.stubEnv('SITE_URL', 'https://sonoivu.angiang.gov.vn');
    vi.stubEnv('NEXTAUTH_URL', 'https://staff.example.vn');
    expect(siteUrl()?.href).toBe('https://sonoivu.angiang.gov.vn/');
    vi.stubEnv('SITE_URL', '');
    expect(siteUrl()?.href).toBe('https://staff.example.vn/');
    expect(canonicalLinks('/tin-tuc/a')).toEqual({ alternates: { canonical: '/tin-tuc/a' }, openGraphUrl: '/tin-tuc/a' });
    expect(canonicalAlternates('/van-ban')).toEqual({ canonical: '/van-ban' });
    expect(canonicalAlternates('/lien-he', { vi: '/lien-he', en: '/en/contacts' })).toEqual({
      canonical: '/lien-he',
      languages: { vi: '/lien-he', en: '/en/contacts' },
    });
  });

  it('is unknown rather than localhost when neither is set, and then no link is given', () => {
    vi.stubEnv('SITE_URL', '');
    vi.stubEnv('NEXTAUTH_URL', 'not a url');
    expect(siteUrl()).toBeNull();
    expect(canonicalLinks('/')).toEqual({});
    // A relative canonical or hreflang link is invalid: none at all.
    expect(canonicalAlternates('/van-ban')).toBeUndefined();
    expect(canonicalAlternates('/lien-he', { vi: '/lien-he', en: '/en/contacts' })).toBeUndefined();
  });
});
