import { describe, expect, it } from 'vitest';
import { segmentBlocks, splitSentences } from './segment.js';

describe('segmentBlocks', () => {
  it('recognises navigation, bylines, related stories, donation appeals and comments', () => {
    const text = ['Home | News | Syria', 'By Jane Doe', 'Shelling killed three people in Aleppo on Monday.', '', 'Related stories', 'Talks resume', '', 'Please donate to support our work.', '3 Comments', 'Ali says:', 'Jets bombed Douma today.'].join('\n');
    const kinds = segmentBlocks(text).map((b) => b.kind);
    expect(kinds).toEqual(['navigation', 'byline', 'body', 'related', 'related', 'donation', 'comment', 'comment', 'comment']);
  });
  it('treats front matter and report header fields as metadata', () => {
    const text = '---\ntitle: x\ndate: 2018-01-01\n---\n- Location: Idlib\n- Date: 4 April 2017\nThe hospital was hit.';
    expect(segmentBlocks(text).map((b) => b.kind)).toEqual(['metadata', 'metadata', 'metadata', 'body']);
  });
});

describe('splitSentences', () => {
  it('does not split after abbreviations or initials', () => {
    const text = 'The truce begins Dec. 29 at midnight. U.S. officials said so. Then it held.';
    expect(splitSentences(text, segmentBlocks(text)).map((s) => s.text)).toEqual([
      'The truce begins Dec. 29 at midnight.',
      'U.S. officials said so.',
      'Then it held.',
    ]);
  });
  it('cuts a pathological line into bounded pieces', () => {
    const text = 'word '.repeat(50_000);
    const ss = splitSentences(text, segmentBlocks(text));
    expect(ss.length).toBeGreaterThan(100);
    for (const s of ss) expect(s.text.length).toBeLessThanOrEqual(1200);
  });
});
