import { checkTargetTrack, targetTrackKey } from './target-track';

describe('checkTargetTrack', () => {
  it('tidies a good artist and title', () => {
    expect(checkTargetTrack('  Robert   Hood ', '\tRange ')).toEqual({ ok: true, artist: 'Robert Hood', title: 'Range' });
  });
  it.each([
    ['', 'Range', 'artist', /needs both artist and title/],
    ['Robert Hood', '   ', 'title', /needs both artist and title/],
    ['Unknown Artist', 'Range', 'artist', /not an artist a setlist could name/],
    ['VA', 'Range', 'artist', /not an artist/],
    ['Robert Hood', 'x'.repeat(301), 'title', /at most 300 characters/],
    ['Robert\u0000Hood', 'Range', 'artist', /control characters/],
  ])('refuses %j - %j', (artist, title, field, reason) => {
    const check = checkTargetTrack(artist, title);
    expect(check.ok).toBe(false);
    expect(check).toMatchObject({ field, reason: expect.stringMatching(reason) });
  });
  it('keys one track however it is spelled in case and spaces', () => {
    expect(targetTrackKey('Robert  Hood', 'RANGE ')).toBe(targetTrackKey('robert hood', 'Range'));
    expect(targetTrackKey('Robert Hood', 'Range')).not.toBe(targetTrackKey('Robert Hood', 'Minus'));
  });
});
