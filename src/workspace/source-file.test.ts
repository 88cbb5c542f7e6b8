import { describe, expect, it } from 'vitest';
import { SourceFile } from './source-file.js';

const text = `id: a
zones:
  dmz: { buffer: { line: [[1, 2], [3, 4]], width_km: 0 } }
rules:
  - { id: r, kind: cessation }
  - id: s
    kind: withdrawal
`;

describe('SourceFile.locate', () => {
  const src = new SourceFile('agreements/a.yaml', text);
  it('finds values in block and flow collections', () => {
    expect(src.locate(['zones', 'dmz', 'buffer', 'width_km'])).toEqual({ line: 3, column: 54 });
    expect(src.locate(['zones', 'dmz', 'buffer', 'line', 1, 0])).toEqual({ line: 3, column: 36 });
    expect(src.locate(['rules', 1, 'kind'])).toEqual({ line: 7, column: 11 });
  });
  it('finds keys, and falls back to the nearest parent for a missing path', () => {
    expect(src.locate(['rules', 1, 'kind'], { key: true })).toEqual({ line: 7, column: 5 });
    expect(src.locate(['rules', 0, 'where'])).toEqual({ line: 5, column: 5 });
    expect(src.locate(['nothing', 'here'])).toEqual({ line: 1, column: 1 });
  });
  it('reports YAML errors with their position and no context snippet', () => {
    const bad = new SourceFile('x.yaml', 'a: [1, 2\nb: 3\n');
    expect(bad.ok).toBe(false);
    expect(bad.problems[0]).toMatchObject({ file: 'x.yaml', line: 2, code: 'yaml-syntax' });
    expect(bad.problems[0].message).not.toContain('\n');
  });
  it('flags YAML 1.1 boolean keys and non-scalar keys', () => {
    const s = new SourceFile('x.yaml', 'on: 1\n"off": 2\n? [a, b]\n: 3\n');
    expect(s.problems.map((p) => [p.code, p.line])).toEqual([
      ['yaml11-boolean-key', 1],
      ['invalid-type', 3],
    ]);
  });
});
