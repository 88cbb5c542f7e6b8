/**
 * INTERIM (to be removed when data/syria/actors.yaml lands): a handful of actors so extraction
 * can be developed against the shared registry code before the knowledge base exists.
 */
import type { Actor } from '../../domain/index.js';

export const INTERIM_ACTORS: Actor[] = [
  { id: 'syrian-government', name: 'Government of Syria', kind: 'state', aliases: ['Syrian regime', 'Assad regime', 'Syrian government', 'Syrian army', 'Syrian Arab Army', 'SAA', 'Damascus', 'Syria'], name_ar: 'الحكومة السورية' },
  { id: 'regime-forces', name: 'regime forces', kind: 'armed_group', descriptor: true, aliases: ['government forces', 'pro-government forces', 'regime troops', 'government troops', 'Syrian troops', 'loyalist forces', 'Syrian forces', 'army'], member_of: [{ id: 'syrian-government' }] },
  { id: 'russia', name: 'Russia', kind: 'state', aliases: ['Russian', 'Russian forces', 'Russian military', 'Moscow', 'Russian Defense Ministry'], name_ar: 'روسيا' },
  { id: 'turkey', name: 'Turkey', kind: 'state', aliases: ['Turkish', 'Turkish army', 'Ankara', 'Turkish forces'], name_ar: 'تركيا' },
  { id: 'united-states', name: 'United States', kind: 'state', aliases: ['U.S.', 'US', 'American', 'Washington', 'Pentagon'] },
  { id: 'international-coalition', name: 'International coalition against IS', kind: 'coalition', aliases: ['US-led coalition', 'U.S.-led coalition', 'coalition', 'international coalition'], name_ar: 'التحالف الدولي' },
  { id: 'islamic-state', name: 'Islamic State', kind: 'armed_group', aliases: ['IS', 'ISIS', 'ISIL', 'Daesh', 'Islamic State group'], name_ar: 'داعش' },
  { id: 'hayat-tahrir-al-sham', name: 'Hayat Tahrir al-Sham', kind: 'armed_group', aliases: ['HTS', 'Tahrir al-Sham'] },
  { id: 'jabhat-fateh-al-sham', name: 'Jabhat Fateh al-Sham', kind: 'armed_group', aliases: ['al-Nusra Front', 'Nusra Front', 'Jabhat al-Nusra', 'ex-Nusra Front', 'Fateh al-Sham'], succeeded_by: { id: 'hayat-tahrir-al-sham', date: '2017-01-28' } },
  { id: 'ahrar-al-sham', name: 'Ahrar al-Sham', kind: 'armed_group', name_ar: 'أحرار الشام' },
  { id: 'jaysh-al-islam', name: 'Jaysh al-Islam', kind: 'armed_group', aliases: ['Jaish al-Islam'], name_ar: 'جيش الإسلام' },
  { id: 'sdf', name: 'Syrian Democratic Forces', kind: 'armed_group', aliases: ['SDF', 'YPG', 'Kurdish forces', 'Kurdish fighters'] },
  { id: 'opposition-armed-groups', name: 'armed opposition groups', kind: 'armed_group', descriptor: true, aliases: ['rebels', 'rebel groups', 'opposition fighters', 'armed groups', 'militants', 'terrorists', 'Free Syrian Army', 'FSA', 'rebel forces', 'opposition forces'] },
  { id: 'hezbollah', name: 'Hezbollah', kind: 'armed_group', aliases: ['Hizbollah'] },
  { id: 'iran', name: 'Iran', kind: 'state', aliases: ['Iranian', 'Tehran'] },
  { id: 'israel', name: 'Israel', kind: 'state', aliases: ['Israeli'] },
  { id: 'unknown-aircraft', name: 'unidentified aircraft', kind: 'armed_group', descriptor: true, aliases: ['unidentified warplanes', 'unknown aircraft', 'unidentified jets', 'unidentified planes'] },
  { id: 'unknown-gunmen', name: 'unidentified gunmen', kind: 'armed_group', descriptor: true, aliases: ['unknown gunmen', 'unidentified assailants'] },
];
