/**
 * The portal's public address, for canonical and Open Graph links: SITE_URL, else NEXTAUTH_URL
 * (the address deployments set for staff sign-in). Without either there is no right answer: a
 * cached page cannot take it from the request (reading the request makes it dynamic), and a
 * guessed http://localhost:3000 in a live page's canonical link would send search engines there.
 * Then pages carry no absolute links at all (`canonicalLinks` returns nothing).
 */
export function siteUrl(): URL | null {
  for (const value of [process.env.SITE_URL, process.env.NEXTAUTH_URL]) {
    if (!value) continue;
    try {
      const url = new URL(value);
      if (url.protocol === 'http:' || url.protocol === 'https:') return url;
    } catch {
      // A malformed value is as good as none; scripts/start.mjs says so at start.
    }
  }
  return null;
}

/** `alternates.canonical` and `openGraph.url` for a path, only when the address is known. */
export function canonicalLinks(path: string): { alternates?: { canonical: string }; openGraphUrl?: string } {
  const alternates = canonicalAlternates(path);
  return alternates ? { alternates, openGraphUrl: path } : {};
}

/**
 * A page's `alternates` (its canonical address, and its pages in other languages for hreflang)
 * when the portal's address is known; none otherwise: a relative canonical or hreflang link is
 * invalid, and search engines would ignore or misread it.
 */
export function canonicalAlternates(
  path: string,
  languages?: Record<string, string>,
): { canonical: string; languages?: Record<string, string> } | undefined {
  if (!siteUrl()) return undefined;
  return languages ? { canonical: path, languages } : { canonical: path };
}

/**
 * An absolute address for a feed, the site map or robots.txt: from SITE_URL when it is set, else
 * from the address the request came to (these answers are made per request, never cached).
 */
export function absoluteUrl(path: string, requestUrl: string): string {
  return new URL(path, (siteUrl() ?? new URL(requestUrl)).origin).href;
}

/** An absolute address from SITE_URL, or undefined when the portal's address is not known. */
export function siteAddress(path: string): string | undefined {
  const base = siteUrl();
  return base ? new URL(path, base.origin).href : undefined;
}
