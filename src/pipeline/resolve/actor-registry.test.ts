import { describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/index.js';
import { parseBoundary } from '../../domain/index.js';
import { createActorRegistry } from './actor-registry.js';

const at = (d: string) => parseBoundary(d, 'Asia/Damascus');

const actors: Actor[] = [
  { id: 'syrian-government', name: 'Government of Syria', kind: 'state', aliases: ['Syrian regime', 'Assad regime'] },
  {
    id: 'syrian-arab-army',
    name: 'Syrian Arab Army',
    kind: 'armed_group',
    aliases: ['SAA', 'Syrian army', 'الجيش العربي السوري'],
    member_of: [{ id: 'syrian-government' }],
  },
  { id: 'al-qaeda', name: 'al-Qaeda', kind: 'armed_group', aliases: ['al-Qaida', 'القاعدة'] },
  {
    id: 'jabhat-al-nusra',
    name: 'Jabhat al-Nusra',
    kind: 'armed_group',
    aliases: ['Nusra Front', 'al-Nusra Front', 'جبهة النصرة'],
    affiliate_of: ['al-qaeda'],
    succeeded_by: { id: 'jabhat-fateh-al-sham', date: '2016-07-28' },
  },
  {
    id: 'jabhat-fateh-al-sham',
    name: 'Jabhat Fateh al-Sham',
    kind: 'armed_group',
    aliases: ['JFS', 'Fateh al-Sham Front'],
    succeeded_by: { id: 'hayat-tahrir-al-sham', date: '2017-01-28' },
  },
  { id: 'hayat-tahrir-al-sham', name: 'Hayat Tahrir al-Sham', kind: 'armed_group', aliases: ['HTS', "Hay'at Tahrir al-Sham"] },
  { id: 'islamic-state', name: 'Islamic State', kind: 'armed_group', aliases: ['IS', 'ISIS', 'Daesh'] },
  { id: 'national-front-for-liberation', name: 'National Front for Liberation', kind: 'coalition', aliases: ['NFL'] },
  { id: 'syrian-national-army', name: 'Syrian National Army', kind: 'coalition', aliases: ['SNA'] },
  {
    id: 'ahrar-al-sham',
    name: 'Ahrar al-Sham',
    kind: 'armed_group',
    member_of: [{ id: 'national-front-for-liberation', from: '2018-08-01' }],
  },
  {
    id: 'faylaq-al-sham',
    name: 'Faylaq al-Sham',
    kind: 'armed_group',
    aliases: ['Failaq al-Sham', 'Sham Legion'],
    member_of: [{ id: 'national-front-for-liberation', from: '2018-05-28' }],
  },
  {
    id: 'regime-forces',
    name: 'regime forces',
    kind: 'armed_group',
    descriptor: true,
    aliases: ['government forces', 'pro-regime forces'],
    member_of: [{ id: 'syrian-government' }],
  },
  { id: 'unknown-aircraft', name: 'unidentified aircraft', kind: 'armed_group', descriptor: true, aliases: ['unidentified warplanes'] },
  { id: 'opposition-armed-groups', name: 'opposition armed groups', kind: 'armed_group', descriptor: true, aliases: ['rebels'] },
  { id: 'sham-a', name: 'Liwa Sham A', kind: 'armed_group', aliases: ['Sham Brigade'] },
  { id: 'sham-b', name: 'Liwa Sham B', kind: 'armed_group', aliases: ['Sham Brigade'] },
];
// NFL joins the SNA on 2019-10-04.
actors[7].member_of = [{ id: 'syrian-national-army', from: '2019-10-04' }];

const reg = createActorRegistry(actors);

describe('resolve', () => {
  it('matches aliases regardless of case, article and script', () => {
    expect(reg.resolve('jabhat an-nusra').id).toBe('jabhat-al-nusra');
    expect(reg.resolve('AL NUSRA FRONT').id).toBe('jabhat-al-nusra');
    expect(reg.resolve('جبهة النُصرة').id).toBe('jabhat-al-nusra');
    expect(reg.resolve('Hayat Tahrir al-Sham').id).toBe('hayat-tahrir-al-sham');
    expect(reg.resolve('hayat-tahrir-al-sham').id).toBe('hayat-tahrir-al-sham');
    expect(reg.resolve('No such group')).toEqual({ id: null, ambiguous: [] });
  });
  it('gives the name in use at the time for a renamed group', () => {
    expect(reg.resolve('Nusra Front', at('2016-05-01')).id).toBe('jabhat-al-nusra');
    expect(reg.resolve('Nusra Front', at('2016-09-01')).id).toBe('jabhat-fateh-al-sham');
    expect(reg.resolve('Nusra Front', at('2018-10-16')).id).toBe('hayat-tahrir-al-sham');
    expect(reg.resolve('Nusra Front').id).toBe('jabhat-al-nusra');
  });
  it('maps descriptors to the actor they stand for, or to nobody', () => {
    expect(reg.resolve('regime forces', at('2017-01-02'))).toEqual({
      id: 'syrian-government',
      ambiguous: [],
      descriptor: true,
      via: 'regime-forces',
    });
    expect(reg.resolve('unidentified warplanes')).toMatchObject({ id: null, descriptor: true, via: 'unknown-aircraft' });
    expect(reg.resolve('rebels')).toEqual({ id: null, ambiguous: [], descriptor: true, via: 'opposition-armed-groups' });
  });
  it('flags a name two different actors carry', () => {
    expect(reg.resolve('Sham Brigade')).toEqual({ id: null, ambiguous: ['sham-a', 'sham-b'] });
  });
});

describe('memberships and succession', () => {
  it('dates memberships, half-open', () => {
    expect(reg.membershipsAt('ahrar-al-sham', at('2018-07-31'))).toEqual([]);
    expect(reg.membershipsAt('ahrar-al-sham', at('2018-08-01'))).toEqual(['national-front-for-liberation']);
    expect(reg.coalitionsAt('ahrar-al-sham', at('2019-10-05'))).toEqual([
      'national-front-for-liberation',
      'syrian-national-army',
    ]);
    expect(reg.membersOf('national-front-for-liberation', at('2018-06-01'))).toEqual(['faylaq-al-sham']);
  });
  it('follows succession and lineage', () => {
    expect(reg.canonical('jabhat-al-nusra')).toBe('hayat-tahrir-al-sham');
    expect(reg.canonical('jabhat-al-nusra', at('2017-01-27'))).toBe('jabhat-fateh-al-sham');
    expect(reg.lineage('jabhat-fateh-al-sham')).toEqual(['jabhat-al-nusra', 'jabhat-fateh-al-sham', 'hayat-tahrir-al-sham']);
    expect(reg.affiliatesOf('al-qaeda')).toEqual(['jabhat-al-nusra']);
  });
});

describe('findMentions', () => {
  it('finds the longest names on word boundaries with offsets', () => {
    const text = 'Regime forces and Hay’at Tahrir al-Sham (HTS) clashed; Jabhat Fateh al-Sham is gone, the SAA said.';
    const m = reg.findMentions(text, at('2017-03-01'));
    expect(m.map((x) => [x.text, x.id])).toEqual([
      ['Regime forces', 'syrian-government'],
      ['Hay’at Tahrir al-Sham', 'hayat-tahrir-al-sham'],
      ['HTS', 'hayat-tahrir-al-sham'],
      ['Jabhat Fateh al-Sham', 'hayat-tahrir-al-sham'],
      ['SAA', 'syrian-arab-army'],
    ]);
    for (const x of m) expect(text.slice(x.start, x.end)).toBe(x.text);
  });
  it('keeps quotes inside a word but not around it', () => {
    const m = reg.findMentions("the ‘rebels’ and Hay’at Tahrir al-Sham’s men; the SAA's tanks; ISIS' fighters");
    expect(m.map((x) => [x.text, x.id])).toEqual([
      ['rebels', null],
      ['Hay’at Tahrir al-Sham', 'hayat-tahrir-al-sham'],
      ['SAA', 'syrian-arab-army'],
      ['ISIS', 'islamic-state'],
    ]);
    expect(reg.resolve("the Syrian regime's").id).toBe(null);
    expect(reg.resolve("Syrian regime's").id).toBe('syrian-government');
  });
  it('does not read the English word "is" as the Islamic State', () => {
    expect(reg.findMentions('This is what IS did in Raqqa').map((x) => x.text)).toEqual(['IS']);
  });
  it('scans Arabic text', () => {
    const m = reg.findMentions('قصفت طائرات الجيش العربي السوري مواقع جبهة النصرة');
    expect(m.map((x) => x.id)).toEqual(['syrian-arab-army', 'jabhat-al-nusra']);
  });
});
