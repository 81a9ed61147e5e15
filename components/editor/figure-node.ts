import Image from '@tiptap/extension-image';
import { MEDIA_URL_PATTERN as MEDIA_SRC } from '@/lib/media/urls';

export type FigureAttributes = { src: string; alt: string; caption: string };

/**
 * An image from "Thư viện ảnh" in the text: `<figure><img src alt><figcaption>`. Built on TipTap's
 * image node so its selection, dragging and commands come with it; only library images parse, so
 * a pasted image from another site never reaches the document (the sanitiser would drop it).
 */
export const Figure = Image.extend({
  name: 'figure',
  group: 'block',
  inline: false,
  draggable: true,

  addAttributes() {
    return {
      src: { default: null },
      alt: { default: '' },
      caption: { default: '' },
    };
  },

  parseHTML() {
    return [
      {
        tag: 'figure',
        getAttrs: (element) => {
          const image = element.querySelector('img');
          const src = image?.getAttribute('src') ?? '';
          if (!MEDIA_SRC.test(src)) return false;
          return { src, alt: image?.getAttribute('alt') ?? '', caption: element.querySelector('figcaption')?.textContent?.trim() ?? '' };
        },
      },
      {
        tag: 'img[src]',
        getAttrs: (element) => {
          const src = element.getAttribute('src') ?? '';
          return MEDIA_SRC.test(src) ? { src, alt: element.getAttribute('alt') ?? '', caption: '' } : false;
        },
      },
    ];
  },

  renderHTML({ node }) {
    const { src, alt, caption } = node.attrs as FigureAttributes;
    const image = ['img', { src, alt }] as const;
    return caption ? ['figure', {}, image, ['figcaption', {}, caption]] : ['figure', {}, image];
  },
});
