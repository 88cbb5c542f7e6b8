/** "3 d 4 h left" / "12 d overdue": a deadline against the current time, refreshed every minute. */
import { h } from './dom.js';

export function countdownText(due: string, now = Date.now()): string {
  const ms = Date.parse(due) - now;
  const abs = Math.abs(ms);
  const d = Math.floor(abs / 86_400_000);
  const hours = Math.floor((abs % 86_400_000) / 3_600_000);
  const mins = Math.floor((abs % 3_600_000) / 60_000);
  const span = d > 0 ? `${d} d ${hours} h` : hours > 0 ? `${hours} h ${mins} min` : `${mins} min`;
  return ms >= 0 ? `${span} left` : `${span} overdue`;
}

const live = new Set<HTMLElement>();
setInterval(() => {
  for (const el of live) {
    if (!el.isConnected) live.delete(el);
    else el.textContent = countdownText(el.dataset.due!);
  }
}, 60_000);

export function countdown(due: string): HTMLElement {
  const el = h('span', { class: 'countdown', 'data-due': due }, countdownText(due));
  live.add(el);
  return el;
}
