import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detect1001Block } from './detect-block';

const readFixture = (name: string): string => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

describe('detect1001Block', () => {
  it('recognises the real anti-bot interstitial by its captcha form', () => {
    expect(detect1001Block(readFixture('captcha.html'))).toEqual({
      blocked: true,
      reason: 'anti-bot interstitial: form with a hidden "captcha" field',
    });
  });

  it('still recognises the interstitial when the form field is gone (text and script markers)', () => {
    const withoutField = readFixture('captcha.html').replace(/<input type="hidden" name="captcha"[^>]*>/, '');
    expect(detect1001Block(withoutField).reason).toBe('anti-bot interstitial: "Please wait, you will be forwarded" text');
    const scriptOnly = withoutField.replace(/forwared/g, 'sent');
    expect(detect1001Block(scriptOnly).reason).toBe('anti-bot interstitial: browser-check (bChk) script');
  });

  it('does not flag the real tracklist page (it has a "challenge" token for likes)', () => {
    expect(detect1001Block(readFixture('tracklist.html'))).toEqual({ blocked: false, reason: null });
  });

  it('does not flag the synthetic tracklist page', () => {
    expect(detect1001Block(readFixture('synthetic-cues-w-mashup.html')).blocked).toBe(false);
  });

  it('recognises a Cloudflare challenge in front of the site', () => {
    const challenge =
      '<html><head><title>Just a moment...</title></head>' +
      '<body><script src="/cdn-cgi/challenge-platform/h/b/orchestrate/jsch/v1"></script></body></html>';
    expect(detect1001Block(challenge)).toEqual({ blocked: true, reason: 'Cloudflare challenge page' });
  });

  it.each([
    ['empty text', ''],
    ['not text', undefined as unknown as string],
    ['a page cut in its head', readFixture('captcha.html').slice(0, 2000)],
  ])('does not throw on %s', (_label, html) => {
    expect(() => detect1001Block(html)).not.toThrow();
  });
});
