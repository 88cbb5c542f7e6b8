/**
 * The API token a monitor or analyst enters once; kept in localStorage on this browser only and
 * sent as a Bearer token. Reading may be public, so the dashboard works without one.
 */
const KEY = 'truce.token';

export function getToken(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function setToken(token: string | null): void {
  if (token) localStorage.setItem(KEY, token.trim());
  else localStorage.removeItem(KEY);
}
