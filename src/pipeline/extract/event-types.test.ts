import { describe, expect, it } from 'vitest';
import { CASUALTY_CUE, classify } from './event-types.js';

describe('event triggers', () => {
  it('types bombs by their carrier and belts as suicide attacks', () => {
    expect(classify('A motorcycle bomb exploded near the market.')?.type).toBe('remote_explosive_landmine_ied');
    expect(classify('An explosive-laden truck hit the checkpoint.')?.type).toBe('remote_explosive_landmine_ied');
    expect(classify('A man wearing an explosive belt entered the mosque.')?.type).toBe('suicide_bomb');
  });
  it('types executions and terrorist attacks as attack, and reads "claimed the lives" as a casualty cue', () => {
    expect(classify('ISIL terrorists execute 50 captive troops.')?.type).toBe('attack');
    expect(classify('A double terrorist attack hit the city of Homs.')?.type).toBe('attack');
    expect(CASUALTY_CUE.test('The blast claimed the lives of 18 civilians.')).toBe(true);
  });
});
