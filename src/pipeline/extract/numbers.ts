/**
 * Numbers as news writes them: digits ("1,200"), words ("twenty-two", "a dozen"), and the vague
 * quantities ACLED codes by convention (ACLED Codebook, "Fatalities": "several"/"many" = 10,
 * "dozens" = 12, "hundreds" = 100; otherwise the lowest reported figure).
 */
const UNITS: Record<string, number> = {
  zero: 0, one: 1, a: 1, an: 1, single: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  dozen: 12, couple: 2,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const VAGUE: Record<string, number> = { several: 10, many: 10, dozens: 12, scores: 20, hundreds: 100, thousands: 1000, some: 10, few: 3, numerous: 10 };

/** Regex source matching one number expression (used inside larger patterns). */
export const NUMBER_SRC =
  '(?:\\d{1,3}(?:,\\d{3})+|\\d+|a hundred|a thousand|(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a dozen|dozens|several|scores|hundreds|thousands|a few|numerous)(?:\\s+hundred)?)';

/** Value of a number expression matched by NUMBER_SRC; undefined when it is not one. */
export function parseNumber(raw: string): number | undefined {
  const s = raw.toLowerCase().replace(/,/g, '').trim();
  if (/^\d+$/.test(s)) return Number(s);
  if (s in VAGUE) return VAGUE[s];
  if (s === 'a dozen') return 12;
  if (s === 'a hundred') return 100;
  if (s === 'a thousand') return 1000;
  if (s === 'a few') return 3;
  let total = 0;
  let hundred = false;
  let words = s.split(/[\s-]+/);
  if (words[words.length - 1] === 'hundred') {
    hundred = true;
    words = words.slice(0, -1);
  }
  for (const w of words) {
    if (w in TENS) total += TENS[w];
    else if (w in UNITS) total += UNITS[w];
    else return undefined;
  }
  return hundred ? total * 100 : total;
}
