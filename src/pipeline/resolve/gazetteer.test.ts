import { describe, expect, it } from 'vitest';
import { createGazetteer, findMentions, lookup } from './gazetteer.js';
import type { Place } from './gazetteer-types.js';

const top = (name: string, adm1?: string) => lookup(name, { adm1 })[0];

describe('lookup (shipped gazetteer)', () => {
  it('meets the transliteration variants of Deir ez-Zor in one place', () => {
    const id = top('Deir ez-Zor')?.id;
    expect(id).toBeDefined();
    for (const v of ['Deir Ezzor', 'Dayr az Zawr', 'Deir-ez-Zor', 'Deir al-Zour', 'DEIR EZZOR', 'دير الزور']) {
      expect(top(v)?.id, v).toBe(id);
    }
    expect(top('Deir ez-Zor')).toMatchObject({ kind: 'city', adm1: 'SY09' });
  });

  it('finds well-known towns under their variants', () => {
    const same = (names: string[]) => expect(new Set(names.map((n) => top(n)?.id)).size, names.join('/')).toBe(1);
    same(['Maarat al-Numan', "Ma'arrat an-Nu'man", 'Maarrat al-Numan', 'معرة النعمان']);
    same(['Khan Sheikhoun', 'Khan Shaykhun', 'خان شيخون']);
    same(['Kafranbel', 'Kafr Nabl']);
    same(['Jisr al-Shughur', 'Jisr ash-Shughur']);
    same(['Azaz', "A'zaz"]);
    same(['Kobani', 'Ayn al-Arab']);
    expect(top('Khan Sheikhoun')).toMatchObject({ adm1: 'SY07', kind: 'town' });
  });

  it('finds Arabic names', () => {
    expect(top('حلب')).toMatchObject({ kind: 'city', adm1: 'SY02' });
    expect(top('إدلب')?.adm1).toBe('SY07');
    expect(top('ادلب')?.adm1).toBe('SY07');
    expect(top('دوما')).toMatchObject({ adm1: 'SY03' });
    expect(top('ريف حماة الشمالي')?.id).toBe('area:SY05-north');
    expect(top('محافظة إدلب')?.id).toBe('SY07');
  });

  it('tells the governorate from the city by the phrase', () => {
    expect(top('Idlib')).toMatchObject({ kind: 'city', adm1: 'SY07' });
    for (const city of ['Hama', 'Homs', 'Raqqa', 'Hasakah', 'Daraa', 'Latakia', 'Tartus', 'Sweida', 'Quneitra']) {
      expect(top(city)?.kind, city).toBe('city');
      expect(lookup(city).some((c) => c.kind === 'governorate'), city).toBe(true);
    }
    expect(top('Idlib province')).toMatchObject({ id: 'SY07', kind: 'governorate', admin: 'SY07' });
    expect(top('Idlib governorate')?.id).toBe('SY07');
    expect(top('Deir Ezzor province')?.id).toBe('SY09');
    expect(top('Rural Damascus')?.id).toBe('SY03');
    expect(top('Damascus countryside')?.id).toBe('SY03');
    expect(top('Aleppo city')).toMatchObject({ kind: 'city', adm1: 'SY02' });
  });

  it('resolves the regional expressions of reports to areas with a precision', () => {
    const cases: [string, string][] = [
      ['northern Hama countryside', 'area:SY05-north'],
      ['the northern countryside of Hama', 'area:SY05-north'],
      ["Hama's northern countryside", 'area:SY05-north'],
      ['north-eastern Latakia', 'area:SY06-northeast'],
      ['northeast Lattakia countryside', 'area:SY06-northeast'],
      ['southern Idlib', 'area:SY07-south'],
      ['southern rural Idlib', 'area:SY07-south'],
      ['western Aleppo countryside', 'area:SY02-west'],
      ['eastern Damascus countryside', 'area:SY03-east'],
      ['eastern Ghouta', 'area:eastern-ghouta'],
      ['Wadi Barada', 'area:wadi-barada'],
      ['Jabal al-Zawiya', 'area:jabal-al-zawiya'],
      ['Jabal al-Akrad', 'area:jabal-al-akrad'],
      ['Jabal al-Turkman', 'area:jabal-al-turkman'],
      ['Qalamoun', 'area:qalamoun'],
      ['Hawla', 'area:hawla'],
      ['al-Ghab plain', 'area:al-ghab'],
      ['countryside of northern Hama', 'area:SY05-north'],
      ['north of Hama', 'area:SY05-north'],
      ['ريف دمشق الشرقي', 'area:SY03-east'],
      ['ريف اللاذقية الشمالي', 'area:SY06-north'],
    ];
    for (const [q, id] of cases) {
      const c = top(q.replace(/^the /, ''));
      expect(c?.id, q).toBe(id);
      expect(c?.kind, q).toBe('area');
      expect(c?.precision_km, q).toBeGreaterThanOrEqual(3);
    }
    // a direction area is wider than the city it is named after and lies on the right side of it
    const hama = top('Hama city')!;
    const north = top('northern Hama countryside')!;
    expect(north.lat).toBeGreaterThan(hama.lat);
    expect(north.precision_km).toBeGreaterThan(hama.precision_km);
  });

  it('lets a governorate named nearby choose between places of the same name', () => {
    const plain = lookup('Duma');
    expect(plain[0].adm1).toBe('SY03'); // the city of Douma first
    expect(plain.some((c) => c.adm1 === 'SY05')).toBe(true);
    expect(lookup('Duma', { adm1: 'Hama' })[0].adm1).toBe('SY05');
    expect(lookup('Duma', { adm1: 'SY05' })[0].adm1).toBe('SY05');
  });

  it('without context, prefers a same-named place attested in conflict-incident records', () => {
    expect(top('Jobar')?.adm1).toBe('SY01');
    expect(top('Adra')?.adm1).toBe('SY03');
    expect(top('Jobar', 'SY04')?.adm1).toBe('SY04');
  });
  it('falls back to a fuzzy match and ranks it below exact ones', () => {
    const fuzzy = top('Deir Azzour');
    expect(fuzzy).toMatchObject({ matched: 'fuzzy', adm1: 'SY09' });
    expect(lookup('Xyzzy Qwerty')).toEqual([]);
    expect(lookup('')).toEqual([]);
  });

  it('filters by kind', () => {
    expect(lookup('Idlib', { kinds: ['governorate'] }).map((c) => c.id)).toEqual(['SY07']);
  });
});

describe('findMentions (shipped gazetteer)', () => {
  const text =
    'Regime warplanes struck Khan Sheikhoun and Maarat al-Numan in southern Idlib, while clashes went on in the ' +
    'northern Hama countryside. In Deir Ezzor province IS attacked al-Mayadin. وقصفت الطائرات بلدة كفرنبل في ريف إدلب الجنوبي.';
  const found = findMentions(text);
  const texts = found.map((m) => m.text);

  it('finds names, variants and regional expressions as whole spans, longest first', () => {
    expect(texts).toEqual([
      'Khan Sheikhoun',
      'Maarat al-Numan',
      'southern Idlib',
      'northern Hama countryside',
      'Deir Ezzor province',
      'al-Mayadin',
      'بلدة كفرنبل',
      'ريف إدلب الجنوبي',
    ]);
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('resolves them', () => {
    const ids = found.map((m) => m.candidates[0]?.id);
    expect(ids[2]).toBe('area:SY07-south');
    expect(ids[3]).toBe('area:SY05-north');
    expect(ids[4]).toBe('SY09');
    expect(found[5].candidates[0].adm1).toBe('SY09');
    expect(found[6].candidates[0].id).toBe(top('Kafranbel')?.id);
    expect(ids[7]).toBe('area:SY07-south');
  });

  it('does not take lower-case English words or one-word neighbourhood names for places', () => {
    expect(findMentions('they hit the north of the town at dawn; the homs of it').map((m) => m.text)).toEqual([]);
    expect(findMentions('Bilal said Amin and Nuzha were quiet.').map((m) => m.text)).toEqual([]);
    // "al-Sham" is a name of Damascus, but in reports it ends faction names
    expect(findMentions('Ahrar al-Sham and Hayat Tahrir al-Sham clashed in Idlib.').map((m) => m.text)).toEqual(['Idlib']);
    // capitalised English words that GeoNames lists as alternate names (At Tall "Tell", Al-Hol "Hole")
    expect(findMentions('Tell them. Seen from Asia, the Hole is deep.').map((m) => m.text)).toEqual([]);
    expect(findMentions('Fighting in Tell Abiad.').map((m) => m.text)).toEqual(['Tell Abiad']);
  });

  it('uses a governorate named in the same sentence as context', () => {
    const [duma] = findMentions('Shelling hit Duma in the Hama countryside.');
    expect(duma.text).toBe('Duma');
    expect(duma.context_adm1).toBe('SY05');
    expect(duma.candidates[0].adm1).toBe('SY05');
    expect(findMentions('Shelling hit Duma.')[0].candidates[0].adm1).toBe('SY03');
  });
});

describe('createGazetteer (fixture)', () => {
  const place = (id: string, name: string, adm1: string, extra: Partial<Place> = {}): Place => ({
    id, name, names: [name], names_ar: [], kind: 'village', lat: 35, lon: 37, precision_km: 1,
    adm1, adm2: null, adm3: null, sources: ['test'], ...extra,
  });
  const g = createGazetteer([
    place('a', 'Tell Hamra', 'SY02'),
    place('b', 'Tell Hamra', 'SY08'),
    place('c', 'Hamra', 'SY05', { kind: 'town' }),
    place('SY08', 'Al-Hasakeh', 'SY08', { kind: 'governorate', names: ['Al-Hasakeh', 'Hasakah'], admin: 'SY08' }),
  ]);

  it('matches the longest phrase and reports article-joined spans whole', () => {
    const ms = g.findMentions('Clashes in al-Tell Hamra and Hamra, Hasakah province.');
    expect(ms.map((m) => m.text)).toEqual(['al-Tell Hamra', 'Hamra', 'Hasakah province']);
    expect(ms[0].candidates[0].id).toBe('b'); // context: Hasakah province in the same sentence
  });

  it('is fast enough for MBs of text (linear scan)', () => {
    const chunk = 'Nothing to see here, only words and more words about the weather in general. ';
    const big = `${chunk.repeat(2000)}Hamra`;
    const ms = g.findMentions(big);
    expect(ms.map((m) => m.text)).toEqual(['Hamra']);
    expect(ms[0].start).toBe(big.length - 5);
  });
});
