import { describe, expect, it } from 'vitest';
import { dateText, optionalText, plural, splitArtistTitle, trackLabel, versionText } from './track-text';

describe('track text', () => {
  it('labels a track with its version only when it has one', () => {
    expect(trackLabel({ artistCredit: 'Bicep', title: 'Glue', version: null })).toBe('Bicep — Glue');
    expect(trackLabel({ artistCredit: 'Moby', title: 'Go', version: 'Woodtick Mix' })).toBe('Moby — Go (Woodtick Mix)');
  });

  it('says missing values are missing instead of inventing them', () => {
    expect(dateText(null)).toBe('date unknown');
    expect(dateText('2017-10-22')).toBe('2017-10-22');
    expect(optionalText('  ')).toBe('—');
    expect(versionText(null)).toBe('original (no version given)');
  });

  it('pluralises counts', () => {
    expect(plural(1, 'setlist')).toBe('1 setlist');
    expect(plural(3, 'DJ')).toBe('3 DJs');
  });

  it('splits a typed "Artist - Title" for a track request, else keeps it all as the title', () => {
    expect(splitArtistTitle('Rhythm Is Rhythm - Salsa Life')).toEqual(['Rhythm Is Rhythm', 'Salsa Life']);
    expect(splitArtistTitle(' Jay-Z – 99 Problems ')).toEqual(['Jay-Z', '99 Problems']);
    expect(splitArtistTitle('Salsa Life')).toEqual(['', 'Salsa Life']);
  });
});
