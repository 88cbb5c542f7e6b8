import { describe, expect, it } from 'vitest';
import { agreementStatement, findClaim } from './claims.js';

describe('findClaim', () => {
  it('asserts, with the speaker before the verb', () => {
    const c = findClaim('State news agency SANA said a ceasefire had been agreed.', 0, [], false);
    expect(c).toMatchObject({ speaker: 'State news agency SANA', stance: 'asserts', subject: { kind: 'agreement', text: 'ceasefire' } });
  });
  it('denies', () => {
    expect(findClaim('The spokesman denied that a truce was agreed, calling it incorrect.', 0, [], false)?.stance).toBe('denies');
  });
  it('has no information ("has not received any official proposal", "no agreement as yet")', () => {
    expect(findClaim('A spokesman said the group has not received any official proposal.', 0, [], false)?.stance).toBe('no_information');
    expect(findClaim('An official said there was no agreement as yet.', 0, [], false)?.stance).toBe('no_information');
  });
  it('takes the speaker after "according to"', () => {
    expect(findClaim('Ten people were killed, according to the Syrian Observatory for Human Rights.', 0, [], true)?.speaker).toBe('Syrian Observatory for Human Rights');
  });
  it('needs a reporting verb and a subject', () => {
    expect(findClaim('A ceasefire was agreed.', 0, [], false)).toBeUndefined();
    expect(findClaim('He said the weather was fine.', 0, [], false)).toBeUndefined();
  });
  it('inherits the subject in a reply ("denied the news")', () => {
    const c = findClaim('a rebel spokesman denied the news', 0, [], false, { kind: 'agreement', text: 'ceasefire' });
    expect(c).toMatchObject({ stance: 'denies', subject: { kind: 'agreement', text: 'ceasefire' } });
  });
});

describe('agreementStatement', () => {
  it('attributes a bare statement about an agreement to the previous speaker', () => {
    const prev = findClaim('Putin announced a ceasefire.', 0, [], false);
    expect(agreementStatement('The ceasefire begins Thursday at midnight.', 0, prev)).toMatchObject({ speaker: 'Putin', stance: 'asserts' });
  });
});
