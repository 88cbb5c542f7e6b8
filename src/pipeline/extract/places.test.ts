/** Place mentions the gazetteer's exact index misses, found through the phrase around them. */
import { describe, expect, it } from 'vitest';
import { extractReport } from './index.js';

const where = (text: string) => extractReport(text, { published: '2016-01-10' }).incidents[0]?.where;

describe('place phrases and address forms', () => {
  it('reads a spaced dash as a separator between a governorate and a town', () => {
    expect(
      where('Daraa - Nawa: effects of shelling after Russian warplanes carried out air strikes on the city'),
    ).toMatchObject({ admin1: 'SY12', admin2: 'SY1203' });
  });
  it('finds a misspelt town named as "X city of <governorate>"', () => {
    expect(where('Russian warplanes shell the Lattameneh city of Hama countryside.')).toMatchObject({
      admin1: 'SY05',
      admin2: 'SY0505',
    });
  });
  it('finds a misspelt town in the address forms "X, Homs" and "Homs - X"', () => {
    expect(where('Ghanto, Homs: An air strike by Russian aircraft on the outskirts of the town.')).toMatchObject({
      admin1: 'SY04',
      admin2: 'SY0404',
    });
    expect(where('Homs - Ghanto: an air strike by Russian aircraft on the town.')).toMatchObject({
      admin1: 'SY04',
      admin2: 'SY0404',
    });
  });
  it('takes the governorate named after a town for a spelling it must guess', () => {
    expect(
      where('8 killed by Russian airstrikes on the town of Kafr Hamra in the northern countryside of Aleppo'),
    ).toMatchObject({ name: 'Kafr Hamra', admin1: 'SY02' });
  });
  it('takes the place from a later sentence that refers back to the event', () => {
    const text =
      'At least 19 civilians were killed in an air raid on a village in northern Syria on Wednesday. According to the observatory the strike hit a village in northern Aleppo province.';
    expect(where(text)).toMatchObject({ admin1: 'SY02' });
  });
});
