/**
 * Script-based language guess: the share of Arabic letters among all letters. Enough to route
 * a report (English pipeline vs Arabic names-only); a statistical identifier (e.g. CLD3) would
 * be needed to tell Arabic from Persian or Kurdish in Arabic script, which we do not attempt.
 */
export type Language = 'en' | 'ar' | 'unknown';

export function detectLanguage(text: string): Language {
  let arabic = 0;
  let latin = 0;
  const n = Math.min(text.length, 20_000);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x0600 && c <= 0x06ff) arabic++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) latin++;
  }
  if (arabic + latin < 10) return 'unknown';
  return arabic > latin ? 'ar' : 'en';
}
