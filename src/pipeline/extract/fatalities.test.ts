import { describe, expect, it } from 'vitest';
import { findFatalities } from './fatalities.js';
import { parseNumber } from './numbers.js';

const f = (s: string) => findFatalities(s, 0);

describe('parseNumber', () => {
  it('reads digits, words and the ACLED vague quantities', () => {
    expect(parseNumber('1,200')).toBe(1200);
    expect(parseNumber('twenty-two')).toBe(22);
    expect(parseNumber('dozens')).toBe(12);
    expect(parseNumber('several')).toBe(10);
    expect(parseNumber('three hundred')).toBe(300);
    expect(parseNumber('banana')).toBeUndefined();
  });
});

describe('findFatalities', () => {
  it('takes total, civilians and children', () => {
    expect(f('The strike killed at least 12 civilians, including five children.')).toMatchObject({
      total: 12,
      civilians: 12,
      children: 5,
    });
  });
  it('reads number words and "dozens" = 12', () => {
    expect(f('Twenty-two people were killed.')?.total).toBe(22);
    expect(f('Dozens were killed in the blast.')?.total).toBe(12);
  });
  it('keeps a range as low/high with the lowest as total', () => {
    expect(f('Between 10 and 15 fighters died in the clashes.')).toMatchObject({ total: 10, low: 10, high: 15 });
  });
  it('never counts the wounded', () => {
    expect(f('Twelve people were wounded in the shelling.')).toBeUndefined();
  });
  it('ignores a superseded toll and a year', () => {
    expect(f('At least 126 people were killed, updating a previous toll of 112.')?.total).toBe(126);
    expect(f('23 May 2014 Syrian troops killed 32 rebels.')?.total).toBe(32);
  });
  it('marks toll updates', () => {
    expect(f('The death toll rose to 86.')).toMatchObject({ total: 86, update: true });
  });
  it('does not add a headline glued to its lead (the same group twice)', () => {
    expect(
      f(
        'Barrel bombs kill at least 15 civilians in Aleppo AFP At least 15 civilians were killed in a barrel bomb attack',
      )?.total,
    ).toBe(15);
    expect(f('8 persons killed in rocket attacks on Aleppo city claiming the lives of 8 persons')?.total).toBe(8);
  });
  it('takes a whole-group figure as the toll, and adds named groups only without one', () => {
    expect(f('At least 30 people including 24 civilians were killed.')).toMatchObject({ total: 30, civilians: 24 });
    expect(f('Shelling killed 5 soldiers, while 3 rebels were killed in clashes.')?.total).toBe(8);
    expect(f('Strikes killed at least 21 civilians, and 19 people were killed in Nawa.')?.total).toBe(21);
  });
  it('reads toll phrasings without a verb or with "the death of"', () => {
    expect(f('Death toll from Aleppo bomb attack at least 112.')?.total).toBe(112);
    expect(f('The attacks left the toll at at least 70.')?.total).toBe(70);
    expect(f('A video shows the killing of two Syrian activists.')?.total).toBe(2);
    expect(f('A helicopter was shot down, killing all five people on board.')?.total).toBe(5);
    expect(
      f('Missiles fell on the western districts, leading to the death of eight and the injury of 89.')?.total,
    ).toBe(8);
  });
  it('reads a number separated from "were killed" by a long subject (subject window)', () => {
    expect(f('At least 50 jihadists from the Islamic State and Al-Nusra Front were killed overnight.')?.total).toBe(50);
    expect(f('At least 23 ISIS (Daesh) militants have been killed by Turkish artillery fire.')?.total).toBe(23);
    expect(f('It said 15 young Assyrians had been killed.')?.total).toBe(15);
    expect(
      f('It said at least 45 Islamic State militants and 20 Kurdish militia fighters had been killed.')?.total,
    ).toBe(65);
    expect(f('Turkey hits back 6 ISIS Bombers Killed.')?.total).toBe(6);
    expect(f('In the past 24 hours civilians were killed in Aleppo.')).toBeUndefined();
    expect(f('In 2014 Syrian soldiers were killed there.')).toBeUndefined();
  });
  it('does not read dates or number words as fillers, and reads "executed N"', () => {
    expect(f('Mon Jan 2 2017 Fifteen people died in Idlib.')?.total).toBe(15);
    expect(f('Date 20-07-2015 Five Civilians Killed in Aleppo.')?.total).toBe(5);
    expect(f('Before leaving they executed 15 detainees by shooting.')?.total).toBe(15);
  });
  it('does not add a vague report to exact figures, nor a restated figure for another noun', () => {
    expect(f('Four Hezbollah members have been killed amid reports that dozens of fighters were killed.')?.total).toBe(
      4,
    );
    expect(
      f(
        'Jihadists kill 30 Kurdish fighters in Hasakeh AFP Sunday At least 30 members of the YPG and asayesh were killed.',
      )?.total,
    ).toBe(30);
  });
  it('reads a headline\'s "kill seven" without a victim noun', () => {
    expect(f('Airstrikes kill seven and wound dozens more in Homs.')?.total).toBe(7);
  });
  it('lets a killing verb\'s object take two modifiers, and counts "left N" only when dead', () => {
    expect(f('ISIL terrorists execute 50 captive Syrian troops in Raqqa.')?.total).toBe(50);
    expect(f('The strikes left 10 people dead.')?.total).toBe(10);
    expect(f('The shelling hit the camp, leaving thousands of people homeless.')).toBeUndefined();
    expect(f('The blast went off killing 3 and wounding 12 people.')?.total).toBe(3);
  });
  it('reads "a hundred" as 100 and never takes a six-figure war toll for an incident', () => {
    expect(f('The strike killed about a hundred militants.')?.total).toBe(100);
    expect(f('Over 160000 people have been killed in the conflict.')).toBeUndefined();
  });
  it('counts synonymous nouns for one army once, at the lowest figure (ACLED)', () => {
    expect(
      f(
        'Jihadists kill 62 Syrian troops in Deir Ezzor At least 60 Syrian government soldiers were killed in the attack.',
      )?.total,
    ).toBe(60);
    expect(f('Five soldiers and three rebels were killed.')?.total).toBe(8);
  });
  it('never takes a war-wide statistic without "since" for an incident', () => {
    expect(f("More than 4,000 people have been killed in Syria's multi-front conflict.")).toBeUndefined();
    expect(f('The war, which has killed 1,500 people, entered its fifth year.')).toBeUndefined();
    expect(f('About 3,000 civilians have been killed in Syria.')).toBeUndefined();
    // an incident's toll in the perfect tense stays
    expect(f('At least 12 people have been killed in the air strikes on Douma.')?.total).toBe(12);
    expect(f('Five soldiers have been killed in the war-torn town of Deir Ezzor today.')?.total).toBe(5);
  });
  it('reads "martyrs" as the dead of pro-government reporting', () => {
    expect(f('The attack rocked the street leaving 50 martyrs and more than 200 others wounded.')?.total).toBe(50);
    expect(f('Twin suicide blasts targeted a checkpoint near Damascus claiming 4 martyrs and 13 injured.')?.total).toBe(
      4,
    );
    expect(f('The army said it claimed 3 villages.')).toBeUndefined();
  });
  it('reads a toll in the present tense ("rises to 12")', () => {
    expect(f('Death toll from terrorist attacks on Aleppo rises to 12 with over 200 injured.')).toMatchObject({
      total: 12,
      update: true,
    });
  });
  it('gives evidence spans that quote the sentence', () => {
    const s = 'Shelling killed three people in Aleppo.';
    const r = f(s);
    for (const e of r?.evidence ?? []) expect(s.slice(e.start, e.end)).toBe(e.text);
  });
});
