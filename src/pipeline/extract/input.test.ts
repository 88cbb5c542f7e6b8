import { describe, expect, it } from 'vitest';
import { decodeReport, firstInvalidUtf8, MAX_REPORT_BYTES } from './input.js';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('decodeReport', () => {
  it('decodes UTF-8 and drops a BOM', () => {
    expect(decodeReport(bytes('\ufeffقصف Aleppo'))).toEqual({ ok: true, text: 'قصف Aleppo', warnings: [] });
  });
  it('refuses empty, whitespace-only, binary, non-UTF-8 and oversized input with a reason', () => {
    expect(decodeReport(new Uint8Array())).toMatchObject({ ok: false, reason: 'empty file' });
    expect(decodeReport(bytes('  \n\t'))).toMatchObject({ ok: false });
    expect(decodeReport(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]))).toMatchObject({ ok: false, reason: expect.stringMatching(/binary/) });
    expect(decodeReport(new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20]))).toMatchObject({ ok: false, reason: expect.stringMatching(/UTF-8.*offset 3/) });
    expect(decodeReport(new Uint8Array(MAX_REPORT_BYTES + 1).fill(0x61))).toMatchObject({ ok: false, reason: expect.stringMatching(/MB limit/) });
  });
  it('finds the first invalid byte', () => {
    expect(firstInvalidUtf8(bytes('ok'))).toBe(-1);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xc3]))).toBe(1);
  });
});
