/** The dashboard's pure helpers (no browser needed). */
import { describe, expect, it } from 'vitest';
import { query } from '../../web/src/api.js';
import { countdownText } from '../../web/src/countdown.js';
import { isSafeHref } from '../../web/src/dom.js';
import { abbreviate, covers, padded } from '../../web/src/map-viewport.js';

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
  it('pads the map view within the world, and knows when a fetched view still covers the visible one', () => {
    expect(padded([36, 34, 38, 36], 0.5)).toEqual([35, 33, 39, 37]);
    expect(padded([-170, -80, 170, 80], 0.5)).toEqual([-180, -85, 180, 85]);
    const fetched = padded([36, 34, 38, 36], 0.5);
    expect(covers(fetched, [36.5, 34.5, 38.5, 36.5])).toBe(true);
    expect(covers(fetched, [34.9, 34, 37, 35])).toBe(false);
    // parts of the visible area beyond the world need not be fetched
    expect(covers([-180, -85, 180, 85], [-200, -89, 200, 89])).toBe(true);
  });
  it('abbreviates cluster counts', () => {
    expect([7, 999, 1234, 9960, 12_345, 83_825].map(abbreviate)).toEqual(['7', '999', '1.2k', '10k', '12k', '84k']);
  });
});
