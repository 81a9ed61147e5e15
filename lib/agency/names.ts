/**
 * How directory records are named on the public pages, in Vietnamese and in English. Pure: used by
 * the sidebar, the Giới thiệu pages and the English pages alike.
 */

export type PersonName = { honorific: string; fullName: string; title: string };

/** "Ông Trương Long Hồ (Phó Giám đốc Sở)", as the old sidebar names people. */
export function personLabel(person: PersonName): string {
  const name = [person.honorific, person.fullName].filter(Boolean).join(' ');
  return person.title ? `${name} (${person.title})` : name;
}

/** The English field, or the Vietnamese one when nobody has translated it: never an empty cell. */
export function inEnglish(english: string, vietnamese: string): { text: string; translated: boolean } {
  const text = english.trim();
  return text ? { text, translated: true } : { text: vietnamese, translated: false };
}

/** The keys of the rich-text pages of "Giới thiệu". */
export const AGENCY_PAGE_KEYS = ['overview', 'functions', 'history', 'en_overview'] as const;
export type AgencyPageKey = (typeof AGENCY_PAGE_KEYS)[number];

export const AGENCY_PAGE_TITLES: Record<AgencyPageKey, string> = {
  overview: 'Giới thiệu chung',
  functions: 'Chức năng, nhiệm vụ',
  history: 'Lịch sử',
  en_overview: 'Giới thiệu bằng tiếng Anh (trang /en)',
};
