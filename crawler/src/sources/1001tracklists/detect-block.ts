/**
 * Recognises the pages 1001tracklists (or a CDN in front of it) serves instead of a tracklist when it suspects a bot.
 * Pure string checks on the raw HTML, so they also work on truncated pages and never throw; each pattern is linear
 * in the page (no unbounded run before an alternative).
 *
 * The 1001tracklists interstitial (fixtures/captcha.html) is dangerous because it keeps the requested tracklist's
 * <title>, og:* tags, canonical link and "14 tracks" description: a parser that only looks at metadata and then
 * finds no rows would call it an empty setlist. Its body is a self-submitting form instead of `#tlTab`.
 */

/** Result of `detect1001Block`. */
export interface BlockDetection {
  blocked: boolean;
  /** which marker matched, in words; null when the page is not blocked */
  reason: string | null;
}

interface BlockMarker {
  pattern: RegExp;
  reason: string;
}

/** Strongest first; the first match gives the reason. */
const BLOCK_MARKERS: readonly BlockMarker[] = [
  {
    // The interstitial's form posts back with a hidden `captcha=1` field; tracklist pages have no such input.
    // The attribute span is bounded: with `[^>]*`, "<input <input <input …" without a ">" is quadratic.
    pattern: /<input\b[^<>]{0,2000}?\bname\s*=\s*["']?captcha["'\s>]/i,
    reason: 'anti-bot interstitial: form with a hidden "captcha" field',
  },
  {
    // "Please wait, you will be forwared to the wanted page" (sic: the site spells it "forwared").
    pattern: /you will be forwar(?:d)?ed to the wanted page/i,
    reason: 'anti-bot interstitial: "Please wait, you will be forwarded" text',
  },
  {
    // The interstitial's script adds a browser-check answer (`bChk`) and a timestamp before submitting itself.
    pattern: /\.name\s*=\s*["']bChk["']/,
    reason: 'anti-bot interstitial: browser-check (bChk) script',
  },
  {
    // A Cloudflare managed challenge in front of the site ("Just a moment...", /cdn-cgi/challenge-platform/).
    pattern: /\/cdn-cgi\/challenge-platform\/|\bcf-chl-|<title>\s*Just a moment\.\.\.\s*<\/title>/i,
    reason: 'Cloudflare challenge page',
  },
  {
    pattern: /<title>\s*(?:Attention Required! \| Cloudflare|Access denied|429 Too Many Requests)\b/i,
    reason: 'access denied / rate-limit page',
  },
];

/**
 * Tells whether `html` is an anti-bot or rate-limit page rather than a tracklist.
 * A blocked page must be retried later (or through another session), never stored as an empty setlist.
 */
export function detect1001Block(html: string): BlockDetection {
  if (typeof html !== 'string' || html.length === 0) return { blocked: false, reason: null };
  for (const marker of BLOCK_MARKERS) {
    if (marker.pattern.test(html)) return { blocked: true, reason: marker.reason };
  }
  return { blocked: false, reason: null };
}
