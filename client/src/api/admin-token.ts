/**
 * The admin token in the browser (README, "The API": authorisation). `npm start` prints a link ending in
 * `#token=…`: a fragment is never sent to a server, so the token appears in no request log. The explorer takes it
 * from there once, keeps it in localStorage, and removes it from the address bar.
 */
const STORAGE_KEY = 'songnodes.adminToken';

/** The token in a location hash like `#token=abc` (other hash parameters allowed), or null. */
export function tokenFromHash(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token')?.trim() ?? '';
  return token === '' ? null : token;
}

/** The hash without its token parameter ('' when nothing else is left). */
export function hashWithoutToken(hash: string): string {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  params.delete('token');
  const rest = params.toString();
  return rest === '' ? '' : `#${rest}`;
}

/** Takes a token from the address bar into storage (once), and returns the stored token, if any. */
export function loadAdminToken(): string | null {
  const fromHash = tokenFromHash(window.location.hash);
  try {
    if (fromHash) {
      window.localStorage.setItem(STORAGE_KEY, fromHash);
      window.history.replaceState(
        window.history.state,
        '',
        `${window.location.pathname}${window.location.search}${hashWithoutToken(window.location.hash)}`,
      );
    }
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    // storage refused (private mode): the token lives for this page only
    return fromHash;
  }
}

export function forgetAdminToken(): void {
  try {
    window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    // nothing stored
  }
}
