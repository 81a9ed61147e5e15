import { inEnglish } from '@/lib/agency/names';

/**
 * An English field with the Vietnamese one standing in when nobody has translated it: never an
 * empty cell. The stand-in is marked lang="vi" so a screen reader reads it as Vietnamese.
 */
export function Translated({ en, vi, lang }: { en: string; vi: string; lang: 'vi' | 'en' }) {
  if (lang === 'vi') return vi;
  const { text, translated } = inEnglish(en, vi);
  return translated ? text : <span lang="vi">{text}</span>;
}
