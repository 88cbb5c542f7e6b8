import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvHeader, splitRecords } from './csv-rows.js';

const field = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r\n', ' ', 'é', 'ع'), maxLength: 8 });
const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

describe('splitRecords (RFC 4180)', () => {
  it('agrees with csv-parse on random records, whatever the chunking', () => {
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 50 }), (rows, cut) => {
        const width = rows[0].length;
        const records = rows.map((r) => [...r, ...Array(width).fill('')].slice(0, width));
        const text = `${records.map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`;
        const expected = parse(text, { relax_column_count: true, skip_empty_lines: false }) as string[][];
        // feed in two chunks, as a stream would
        const at = Math.min(cut, text.length);
        const first = splitRecords(text.slice(0, at), 1, false);
        const second = splitRecords(text.slice(first.consumed), first.line, true);
        expect(second.error).toBeUndefined();
        const got = [...first.records, ...second.records].map((r) => r.fields);
        expect(got).toEqual(expected.filter((r) => !(r.length === 1 && r[0] === '')));
      }),
      { numRuns: 300 },
    );
  });

  it('counts physical lines and reports an unclosed quote', () => {
    const r = splitRecords('a,b\n"x\ny",z\nlast,1', 1, true);
    expect(r.records.map((x) => x.line)).toEqual([1, 2, 4]);
    expect(splitRecords('a,"open\n', 1, true).error).toMatch(/line 1: a quoted field is never closed/);
  });

  it('builds the record JSON exactly as JSON.stringify would (it feeds the content hash)', () => {
    const text = fc.string({ unit: fc.oneof(fc.constantFrom('"', '\\', '\n', '\u0001', '\u007f', '\u2028', '\ud800', '\udc00', 'é'), fc.string({ minLength: 1, maxLength: 1, unit: 'binary' })), maxLength: 12 });
    fc.assert(
      fc.property(fc.uniqueArray(text, { minLength: 0, maxLength: 5 }), fc.array(text, { maxLength: 6 }), (names, values) => {
        const obj: Record<string, string> = Object.create(null); // a "__proto__" column is a plain key
        for (let i = 0; i < names.length; i++) obj[names[i]] = values[i] ?? '';
        // objects order integer-like keys first; compare only when that does not apply
        fc.pre(names.every((n) => !/^(0|[1-9]\d*)$/.test(n)));
        expect(new CsvHeader(names).json(values)).toBe(JSON.stringify(obj));
      }),
      { numRuns: 500 },
    );
  });
});
