/** What a view of the dashboard is: it renders into an element and may react to filter changes. */
import type { Route } from './route.js';

export interface Page {
  render(el: HTMLElement, route: Route): Promise<void> | void;
  /** the URL's filters changed while this page is shown (no full re-render) */
  update?(route: Route): Promise<void> | void;
  destroy?(): void;
}
