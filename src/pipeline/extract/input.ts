/**
 * Turning the bytes of a report into text we can scan, or a clear reason why not.
 *
 * Reports come from scrapers and field monitors: some are empty, some are PDFs or images saved
 * with a .txt name, some are Windows-1256/1252 rather than UTF-8, some are huge dumps. We never
 * guess at an encoding silently (formats.md: all files are UTF-8); we refuse with a message that
 * says what to do instead, or warn and carry on when the damage is local.
 */

/** Above this the report is refused: a single news report or field note is a few KB. */
export const MAX_REPORT_BYTES = 8 * 1024 * 1024;

export interface DecodedReport {
  ok: true;
  text: string;
  warnings: string[];
}
export interface RejectedReport {
  ok: false;
  reason: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decide whether `bytes` is a text report and decode it as UTF-8 (BOM dropped). */
export function decodeReport(bytes: Uint8Array): DecodedReport | RejectedReport {
  if (bytes.length === 0) return { ok: false, reason: 'empty file' };
  if (bytes.length > MAX_REPORT_BYTES) {
    const mb = (bytes.length / 1048576).toFixed(1);
    return {
      ok: false,
      reason: `file is ${mb} MB, over the ${MAX_REPORT_BYTES / 1048576} MB limit for one report; split it into one file per report`,
    };
  }
  // Binary sniffing as in git's buffer_is_binary (xdiff-interface.c): a NUL byte in the first
  // 8000 bytes means binary. We add a control-character ratio for formats without NULs.
  const head = bytes.subarray(0, 8000);
  let control = 0;
  for (const b of head) {
    if (b === 0) return { ok: false, reason: 'binary file (contains NUL bytes), not a text report' };
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  if (control > head.length * 0.1) return { ok: false, reason: 'binary file (mostly control characters), not a text report' };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    return { ok: false, reason: `not valid UTF-8 (first bad byte at offset ${at}); convert it, e.g. iconv -f WINDOWS-1256 -t UTF-8` };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const warnings: string[] = [];
  if (text.trim() === '') return { ok: false, reason: 'no text (only whitespace)' };
  return { ok: true, text, warnings };
}

/** Offset of the first byte that breaks UTF-8 (RFC 3629 §4 byte ranges). */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    let need = 0;
    if (c < 0x80) need = 0;
    else if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) need = 2;
    else if (c >= 0xf0 && c <= 0xf4) need = 3;
    else return i;
    for (let k = 1; k <= need; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return -1;
}
