/** The dashboard's pure helpers (no browser needed). */
import { describe, expect, it } from 'vitest';
import { query } from '../../web/src/api.js';
import { countdownText } from '../../web/src/countdown.js';
import { isSafeHref } from '../../web/src/dom.js';

describe('dashboard helpers', () => {
  it('writes a countdown in days and hours, or minutes near the deadline', () => {
    const now = Date.parse('2018-10-10T00:00:00Z');
    expect(countdownText('2018-10-15T03:30:00Z', now)).toBe('5 d 3 h left');
    expect(countdownText('2018-10-10T00:42:00Z', now)).toBe('42 min left');
    expect(countdownText('2018-10-09T22:00:00Z', now)).toBe('2 h 0 min overdue');
    expect(countdownText('2018-09-30T00:00:00Z', now)).toBe('10 d 0 h overdue');
  });
  it('builds API query strings, leaving empty filters out and joining lists', () => {
    expect(query({ verdict: ['violation', 'undetermined'], party: '', q: null, limit: 50 })).toBe('?verdict=violation%2Cundetermined&limit=50');
    expect(query({})).toBe('');
  });
  it('keeps only http(s), mailto and in-app links', () => {
    expect(isSafeHref('https://example.org')).toBe(true);
    expect(isSafeHref('#/incidents/x')).toBe(true);
    expect(isSafeHref(' javascript:alert(1)')).toBe(false);
    expect(isSafeHref('data:text/html,<script>')).toBe(false);
  });
});
