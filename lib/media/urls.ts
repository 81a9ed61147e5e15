import { routes } from '../routes';

/**
 * Addresses of our image variants. Pure and client-safe: the public article page, the editor's
 * library and the sanitiser all build the same URLs from here.
 */
export const MEDIA_WIDTHS = [320, 640, 960, 1280] as const;
export type MediaWidth = (typeof MEDIA_WIDTHS)[number];

export function isMediaWidth(value: number): value is MediaWidth {
  return (MEDIA_WIDTHS as readonly number[]).includes(value);
}

/** An image's public key: 32 random hex digits (media.public_key), never its sequential id. */
export const MEDIA_KEY_PATTERN = /^[0-9a-f]{32}$/;

export function mediaUrl(key: string, width: MediaWidth): string {
  return routes.media(key, width);
}

/** An image's own address, whatever width: `/media/<key>/640.webp`. */
export const MEDIA_URL_PATTERN = /^\/media\/[0-9a-f]{32}\/(?:320|640|960|1280)\.webp$/;

/**
 * The variants worth offering for an image `width` pixels wide. Variants are never upscaled: the
 * first requested width at or above the original is served at the original's size, so it is
 * listed with that size and nothing wider is listed at all.
 */
export function variantsFor(key: string, width: number): { url: string; width: number }[] {
  const variants: { url: string; width: number }[] = [];
  for (const requested of MEDIA_WIDTHS) {
    if (requested < width) variants.push({ url: mediaUrl(key, requested), width: requested });
    else {
      variants.push({ url: mediaUrl(key, requested), width });
      break;
    }
  }
  return variants;
}

/** src, srcset, sizes and intrinsic size for a plain <img>: no client code, no layout shift. */
export function responsiveImage({ key, width, height }: { key: string; width: number; height: number }, sizes: string) {
  const variants = variantsFor(key, width);
  const fallback = variants.find((variant) => variant.width >= 960) ?? variants[variants.length - 1]!;
  return {
    src: fallback.url,
    srcSet: variants.map((variant) => `${variant.url} ${variant.width}w`).join(', '),
    sizes,
    width,
    height,
  };
}
