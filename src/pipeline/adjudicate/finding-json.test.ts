import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../domain/finding.js';
import { findingJson } from './finding-json.js';

const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('a"b', 'c\\d', 'e\nf', '\ud800x'));
const finding = fc.record({
  incident: text,
  agreement: text,
  verdict: fc.constantFrom('violation', 'permitted', 'undetermined', 'not_applicable'),
  rule: fc.option(text),
  clause: fc.option(text),
  party: fc.option(text),
  answerable: fc.option(text),
  reasons: fc.array(text, { maxLength: 6 }),
  sources: fc.array(fc.record({ outlet: text, url: text }, { requiredKeys: [] }), { maxLength: 2 }),
}) as fc.Arbitrary<Finding>;

describe('findingJson', () => {
  it('writes exactly what JSON.stringify writes', () => {
    fc.assert(
      fc.property(finding, (f) => {
        expect(findingJson(f)).toBe(JSON.stringify(f));
      }),
      { numRuns: 2000 },
    );
  });
});
