/**
 * Headless Debian Chromium as every browser of the project is launched (the crawler's 1001tracklists pages, the
 * explorer's browser tests, bench/client): no GPU, background updates or sync — nothing but the pages asked for.
 */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Playwright launch options: `executablePath` (default CHROMIUM_PATH, else Debian's), headless, CHROMIUM_ARGS. */
export function chromiumLaunchOptions(executablePath = process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH) {
  return { executablePath, headless: true, args: [...CHROMIUM_ARGS] };
}
