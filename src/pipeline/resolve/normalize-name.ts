/**
 * One normal form for names of actors and places, so that "Deir ez-Zor", "Deir Ezzor" and
 * "Dayr az Zawr" or "Jabhat al-Nusra" and "Jabhat an-Nusra" meet (formats.md §2: matching is
 * case-insensitive and ignores diacritics and the Arabic article variants al-, el-, ad-, ar-,
 * as-, ash-, at-, az-).
 *
 * Latin script: NFD + strip combining marks, drop ayn/hamza marks (‘ ’ ʿ ʾ ` '), fold the article
 * variants (as a separate word or a hyphenated prefix) away, then keep letters and digits only,
 * single-spaced. Arabic script: drop harakat and tatweel, unify alef/hamza forms, ta marbuta ->
 * ha, alef maqsura -> ya, and drop the article ال at word start (the usual light stemming of
 * Arabic IR, e.g. Larkey et al., "Light Stemming for Arabic Information Retrieval", 2007).
 */

// The article may follow a space or a hyphen: "Deir ez-Zor" and "Deir-ez-Zor" both give "deir zor".
const ARTICLE = /(^|[\s\-‐])(?:al|el|ad|ar|as|ash|at|az|an|ad|adh|ath|aj|az|ed|er|es|esh|et|ez|en|il|ul)[-\s‐]+(?=\S)/g;
const MARKS = /[\u0300-\u036f]/g;
const QUOTES = /[‘’ʿʾ`'ʻʼ´]/g;
const ARABIC_DIACRITICS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;

export function normalizeName(input: string): string {
  let s = input.normalize('NFKD').replace(MARKS, '').replace(QUOTES, '').toLowerCase();
  // Arabic script
  s = s
    .replace(ARABIC_DIACRITICS, '')
    .replace(/[إأآٱ]/g, 'ا')
    .replace(/ة/g, 'ه')
    .replace(/ى/g, 'ي')
    .replace(/ؤ/g, 'و')
    .replace(/ئ/g, 'ي')
    .replace(/(^|\s)(?:و?ال)(?=\S{2,})/g, '$1');
  // Latin article variants, repeated because "Dayr az Zawr" style names can have several
  s = s.replace(ARTICLE, '$1').replace(ARTICLE, '$1');
  return s
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}
