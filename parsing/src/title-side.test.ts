import { parseTitleSide } from './title-side';
import { parseTrackLine } from './track-line';

describe('versions', () => {
  it.each([
    ['Believe In Me (Paul Van Dyk Mashup)', 'Believe In Me', 'Paul Van Dyk Mashup'],
    ['Money For Nothing (Murk Bootleg)', 'Money For Nothing', 'Murk Bootleg'],
    ['Renegade Snares (Foul Play VIP)', 'Renegade Snares', 'Foul Play VIP'],
    ['Screamer VIP', 'Screamer', 'VIP'],
    ['Back Like That Bootleg', 'Back Like That', 'Bootleg'],
    ['On The Line (Oxia Dub)', 'On The Line', 'Oxia Dub'],
    ['This is Acid (Boys Noize Re-work)', 'This is Acid', 'Boys Noize Re-work'],
    ['Der blaue Planet (dj-jauche Rework)', 'Der blaue Planet', 'dj-jauche Rework'],
    ['Jetstream (Sasha Remix)(SVD Edit)', 'Jetstream', 'Sasha Remix, SVD Edit'],
    ['Independance [Stadium Mix] (PvD Edit)', 'Independance', 'Stadium Mix, PvD Edit'],
    ['Body Crash (Laidback Luke Remix) (Laidback Luke Remix)', 'Body Crash', 'Laidback Luke Remix'],
    ['Track (Re-Amp)', 'Track', 'Re-Amp'],
    ['Track (WIP)', 'Track', 'WIP'],
    ['Tell Me (Zinc Special)', 'Tell Me', 'Zinc Special'],
    ["Gotta Keep Pushin' (ID Remix ?)", "Gotta Keep Pushin'", 'ID Remix'],
    ['The Funk Phenomena (JOHNICkennydopeMastermix)', 'The Funk Phenomena', 'JOHNICkennydopeMastermix'],
    ['L.O.V.E. (Kruder + Dorfmeister)', 'L.O.V.E.', 'Kruder + Dorfmeister'],
    ['Sing It Back (Mousse T vs Ifeellovedub)', 'Sing It Back', 'Mousse T vs Ifeellovedub'],
    ['Big Fun - Jon Rundell Remix', 'Big Fun', 'Jon Rundell Remix'],
  ])('%s', (side, title, version) => {
    expect(parseTitleSide(side)).toMatchObject({ title, version });
  });

  it.each([
    ['Humans (Original Mix)', 'Humans'],
    ['Love Shy (Thinking About You)', 'Love Shy (Thinking About You)'],
    ['Pure (Parts 1 & 2)', 'Pure (Parts 1 & 2)'],
    ['Pressure (Flip Da Funk)', 'Pressure (Flip Da Funk)'],
    ['In The VIP', 'In The VIP'],
    ['Bootleg', 'Bootleg'],
  ])('%s has no version', (side, title) => {
    expect(parseTitleSide(side)).toMatchObject({ title, version: null });
  });
});

describe('notes that are no version', () => {
  it.each([
    ['Purple Lamborghini (prod. by Blxck Mxck)', 'Purple Lamborghini', null],
    ['Frog (unreleased)', 'Frog', null],
    ['The Outcast (Frida Carlos Edit) (unreleased)', 'The Outcast', 'Frida Carlos Edit'],
    ['The Funk Phenomena (Sample)', 'The Funk Phenomena', null],
    ['Hologram 4 [Forthcoming]', 'Hologram 4', null],
  ])('%s', (side, title, version) => {
    const read = parseTitleSide(side);
    expect(read).toMatchObject({ title, version, label: null });
    expect(read.warnings.some((warning) => warning.startsWith('note'))).toBe(true);
  });

  it('keeps nothing of "(prod. by …)" anywhere in the row', () => {
    expect(parseTrackLine('Travis Scott - Sicko Mode (prod. by Hit-Boy)')).toMatchObject({
      title: 'Sicko Mode',
      version: null,
      remixers: [],
      featured: [],
    });
  });
});

describe('labels', () => {
  it.each([
    ['Humans (Original Mix) Mousike Records', 'Humans', null, 'Mousike Records'],
    ['Atua (Mula remix) Mousike Records', 'Atua', 'Mula remix', 'Mousike Records'],
    ['Neverland (Extended Mix) Armada)', 'Neverland', 'Extended Mix', 'Armada'],
    ['Revolution 909 (Roger Sanchez Mix) Acapella', 'Revolution 909', 'Roger Sanchez Mix, Acapella', null],
    ['D.a.n.c.e. (Diplo Remix) (Ed Banger)', 'D.a.n.c.e.', 'Diplo Remix', 'Ed Banger'],
    ['Dem Na Like Me (Subscape Remix) - Ninja Tune', 'Dem Na Like Me', 'Subscape Remix', 'Ninja Tune'],
    ['I Need - Martin Landsky Remix - Systematic', 'I Need', 'Martin Landsky Remix', 'Systematic'],
    ['Keep On Grooving - [US Strictly Rhythm]', 'Keep On Grooving', null, 'US Strictly Rhythm'],
    ['Night Falls - (Get Physical)', 'Night Falls', null, 'Get Physical'],
    ['Third Eye Dome - Orientation Records', 'Third Eye Dome', null, 'Orientation Records'],
    ['Spooky - J - Pfer', 'Spooky - J - Pfer', null, null],
  ])('%s', (side, title, version, label) => {
    expect(parseTitleSide(side)).toMatchObject({ title, version, label });
  });

  it('reads a last " - X" as the label when X is the artist (their own label) or the list writes labels there', () => {
    expect(parseTitleSide('Love Jam - Sound Stream', { artist: 'Sound Stream' })).toMatchObject({
      title: 'Love Jam',
      label: 'Sound Stream',
    });
    expect(parseTitleSide('Shama - Linderluft', { labelAfterDash: true })).toMatchObject({ title: 'Shama', label: 'Linderluft' });
    expect(parseTitleSide('Shama - Linderluft')).toMatchObject({ title: 'Shama - Linderluft', label: null });
  });

  it('reads a last plain bracket as the label when the list writes labels that way, never a running time', () => {
    expect(parseTitleSide('B Line Fi Blow (K7)', { labelInParentheses: true })).toMatchObject({ title: 'B Line Fi Blow', label: 'K7' });
    expect(parseTitleSide('B Line Fi Blow (K7)')).toMatchObject({ title: 'B Line Fi Blow (K7)', label: null });
    expect(parseTitleSide('Environments (2:29)', { labelInParentheses: true })).toMatchObject({ title: 'Environments', label: null });
  });
});

describe('featuring in the title side', () => {
  it.each([
    ['When I’m Gone (w Mücha)', 'When I’m Gone', ['Mücha']],
    ['Faded (with Zhu)', 'Faded', ['Zhu']],
    ['Pre-Club Workout (feat. DJ Swisha & James Bangura)', 'Pre-Club Workout', ['DJ Swisha', 'James Bangura']],
  ])('%s', (side, title, featured) => {
    expect(parseTitleSide(side)).toMatchObject({ title, featured });
  });
});
