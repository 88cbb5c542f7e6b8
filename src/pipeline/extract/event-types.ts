/**
 * Event triggers: words that say something happened, mapped to ACLED sub-event types
 * (ACLED Codebook 2023, §"Event types and sub-event types"; snake_case as in formats.md §4).
 *
 * Order matters: the first trigger class found in a sentence that is more specific wins
 * (a "chemical" attack dropped from a helicopter is chemical_weapon, a "suicide car bomb" is
 * suicide_bomb, not remote_explosive_landmine_ied), following ACLED's own precedence of
 * chemical weapons and suicide bombs over the delivery method.
 */

export interface TypeTrigger {
  type: string;
  re: RegExp;
  /** higher wins when one sentence holds several triggers */
  rank: number;
}

export const TYPE_TRIGGERS: TypeTrigger[] = [
  { type: 'chemical_weapon', rank: 100, re: /\b(?:chemical (?:weapons?|attacks?|strikes?|munitions?|agents?|bombs?)|chlorine|sarin|nerve (?:agent|gas)|toxic gas(?:es)?|poison(?:ous)? gas|mustard gas|gas attack|chemical and toxic)\b/i },
  { type: 'suicide_bomb', rank: 90, re: /\bsuicide[- ](?:bomb(?:er|ers|ing|ings)?|attacks?|car[- ]bomb(?:s|ing|ings|er)?|vest|blasts?|attackers?|truck[- ]bomb(?:s|ing)?|vbieds?)\b|\bblew (?:himself|herself|themselves) up\b|\b(?:explosive|suicide) (?:belts?|vests?)\b/i },
  {
    type: 'air_drone_strike',
    rank: 80,
    re: /\b(?:air ?strikes?|air[- ]raids?|air attacks?|aerial (?:bombardment|bombing|attacks?|strikes?|shelling)|airstrikes?|warplanes?|war planes?|fighter jets?|jets?|aircraft|helicopters?|barrel[- ]bombs?|explosive barrels|drones?|bombers|air force|aviation|cluster (?:bombs?|munitions?)|incendiary (?:bombs?|weapons?|munitions?)|bombed from the air|(?:russian|us-led|u\.s\.-led|coalition|american|israeli|regime|government|syrian|turkish) (?:strikes?|raids?|planes?)|raids? by (?:russian|syrian|coalition|regime|government) (?:jets|planes|warplanes))\b/i,
  },
  {
    type: 'shelling_artillery_missile_attack',
    rank: 70,
    re: /\b(?:shell(?:ing|ed|s)?|artillery|mortars?|rockets?|rocket[- ]launchers?|missiles?|grad|tank fire|cannons?|hell cannon|bombardment|bombarded|bombarding|projectiles?|tochka|scud)\b/i,
  },
  {
    type: 'remote_explosive_landmine_ied',
    rank: 60,
    re: /\b(?:car[- ]bombs?|(?:motorcycle|motorbike|truck|bicycle|sticky|magnetic|planted|parcel)[- ]bombs?|(?:explosive|bomb)[- ]laden|bombs? (?:exploded|went off)|bomb(?:ing)? blasts?|roadside bombs?|booby[- ]trapped|improvised explosive|ieds?|vbieds?|landmines?|land mines?|mines? (?:exploded|blast)|explosive devices?|explosions?|exploded|blasts?|detonated|bomb attacks?|bombings?|bomb went off)\b/i,
  },
  { type: 'grenade', rank: 55, re: /\bgrenades?\b/i },
  { type: 'government_regains_territory', rank: 50, re: /\b(?:regained control|recaptured|retook|recapture|regain(?:ed)? control|liberated|restored (?:security|stability) to)\b/i },
  { type: 'non_state_actor_overtakes_territory', rank: 49, re: /\b(?:seized control|overran|took control|captured the (?:town|village|city|area|base|airport|hill)|took over the (?:town|village|city|area|base)|stormed)\b/i },
  { type: 'abduction_forced_disappearance', rank: 45, re: /\b(?:kidnapp(?:ed|ing)|abduct(?:ed|ion|ions)|forcibly disappeared|enforced disappearance|hostages? taken|took hostage)\b/i },
  { type: 'sexual_violence', rank: 44, re: /\b(?:raped|rape|sexual violence|sexually assaulted)\b/i },
  { type: 'armed_clash', rank: 40, re: /\b(?:clash(?:es|ed)?|fighting|fought|battles?|battled|firefights?|gun ?battles?|skirmish(?:es)?|ambush(?:ed)?|offensive|counter-?attack|repelled an attack|infiltration attempt)\b/i },
  { type: 'attack', rank: 35, re: /\b(?:execut(?:e|es|ed|ing|ions?)|(?:terrorist|double|twin) attacks?|massacre|shot dead|gunmen|gunman|opened fire|assassinat(?:ed|ion)|sniper|snipers|beheaded|killed by gunfire|stabbed|attacked|attack(?:s|ing)? on)\b/i },
  { type: 'looting_property_destruction', rank: 30, re: /\b(?:looted|looting|torched|set fire to|burn(?:ed|t) (?:down )?(?:homes|houses|crops|fields)|demolished homes|bulldozed)\b/i },
  { type: 'arrests', rank: 25, re: /\b(?:arrested|arrests|detained|detention campaign|raids? and arrests)\b/i },
  { type: 'peaceful_protest', rank: 20, re: /\b(?:protest(?:ed|ers|s)?|demonstrat(?:ion|ions|ors|ed)|rall(?:y|ied|ies)|sit-in)\b/i },
];

const ANY_TRIGGER = new RegExp(TYPE_TRIGGERS.map((t) => `(?:${t.re.source})`).join('|'), 'i');

/** A casualty word alone ("killed", "died") makes a sentence an incident even without a trigger. */
export const CASUALTY_CUE = /\b(?:kill(?:s|ed|ing)?|died|dead|deaths?|death toll|casualties|martyr(?:s|ed)?|lost (?:their|his|her) lives|claim(?:s|ed|ing)? the lives|execut(?:e|es|ed|ing)|wounded|injured)\b/i;

/** The trigger of `sentence` with the highest rank, with its offsets inside the sentence. */
export function classify(sentence: string): { type: string; start: number; end: number; text: string } | undefined {
  // one scan with the union first: most sentences of a report hold no trigger at all, and the
  // ranked loop below would otherwise run all fifteen patterns over each of them
  if (!ANY_TRIGGER.test(sentence)) return undefined;
  let best: { type: string; start: number; end: number; text: string; rank: number } | undefined;
  for (const t of TYPE_TRIGGERS) {
    if (best && t.rank <= best.rank) break;
    const m = t.re.exec(sentence);
    if (m) best = { type: t.type, start: m.index, end: m.index + m[0].length, text: m[0], rank: t.rank };
  }
  return best && { type: best.type, start: best.start, end: best.end, text: best.text };
}
