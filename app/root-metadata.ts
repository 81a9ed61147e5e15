import type { Metadata, Viewport } from 'next';
import { defaultSiteInfo } from '@/db/settings-defaults';
import { siteUrl } from '@/lib/site-url';

/**
 * What every root layout shares. There is one root layout per language ((vi) around (public) and (staff),
 * (en)) so that each sets its own <html lang>: the English pages are lang="en" in the HTML itself,
 * not patched by a script, and the Vietnamese ones stay lang="vi".
 */
export const metadataBase = siteUrl();

export const vietnameseRootMetadata: Metadata = {
  metadataBase,
  title: { default: defaultSiteInfo.name, template: `%s | ${defaultSiteInfo.name}` },
  description: defaultSiteInfo.description,
  openGraph: { siteName: defaultSiteInfo.name, locale: 'vi_VN', type: 'website' },
};

export const englishRootMetadata: Metadata = {
  metadataBase,
  title: { default: defaultSiteInfo.nameEn, template: `%s | ${defaultSiteInfo.nameEn}` },
  description: `${defaultSiteInfo.nameEn}: functions, organisation and contacts.`,
  openGraph: { siteName: defaultSiteInfo.nameEn, locale: 'en_GB', type: 'website' },
};

export const rootViewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#063b70' };

export const bodyClass = 'min-h-screen bg-slate-50 text-slate-900 antialiased';
