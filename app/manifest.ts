import type { MetadataRoute } from 'next';
import { defaultSiteInfo } from '@/db/settings-defaults';
import { routes } from '@/lib/routes';

/** The web app manifest (/manifest.webmanifest), linked by Next from every page. No database: built once. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: `Cổng thông tin điện tử ${defaultSiteInfo.name}`,
    short_name: 'Sở Nội vụ An Giang',
    description: defaultSiteInfo.description,
    lang: 'vi',
    start_url: routes.home,
    scope: routes.home,
    display: 'browser',
    background_color: '#ffffff',
    theme_color: '#063b70',
    icons: [
      { src: routes.appIcon(192), sizes: '192x192', type: 'image/png' },
      { src: routes.appIcon(512), sizes: '512x512', type: 'image/png' },
    ],
  };
}
