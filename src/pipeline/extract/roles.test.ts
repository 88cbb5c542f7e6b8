/** Perpetrator and target cues (roles.ts), end to end through extractReport. */
import { describe, expect, it } from 'vitest';
import { extractReport } from './index.js';

const first = (text: string) => extractReport(text, { published: '2016-07-19' }).incidents[0];

describe('roles', () => {
  it('takes the name before a weapon noun as the agent, not the target after "in"', () => {
    const i = first(
      'Over 100 civilians have been killed in US-led coalition airstrikes against Daesh near the city of Manbij.',
    );
    expect(i?.by).toBe('cjtf-oir');
  });
  it('never makes a counted group of victims the perpetrator', () => {
    expect(first('Air strikes hit Raqqa where at least 45 Islamic State militants were killed.')?.by).toBeUndefined();
  });
  it('reads nationality phrases with the weapon nouns of field reports', () => {
    expect(first('A massacre committed by Russian aircrafts against civilians in Maarat al-Numaan.')?.by).toBe('russia');
    expect(first('Residents flee Rastan fearing Russian bombardment after the shelling.')?.by).toBe('russia');
    expect(first('Russia carries out more than five air strikes on Kafr Zita.')?.by).toBe('russia');
  });
  it('reads "<state>-led strikes" and "rebels shell" as the perpetrator', () => {
    expect(first('US-led strikes on the province of Raqa killed more than 20 jihadists on Tuesday.')?.by).toBe('united-states');
    expect(first('Syria rebels shell an election rally in Daraa, killing 21 people.')?.by).toBe('opposition-armed-groups');
  });
  it('reads an adverb between agent and verb, and "from X" as the agent only after a weapon', () => {
    const text = 'Operation to Liberate Raqqa From Daesh: The US-led coalition accidentally struck a position in Tabqa killing 18 fighters.';
    expect(first(text)?.by).toBe('cjtf-oir');
  });
});
