import { takeLeadingCue, takeTrailingCue } from './cue';

describe('takeLeadingCue', () => {
  it.each([
    ['[00:38:08] M.O.S. - Skywalkers', '00:38:08', 2288, 'M.O.S. - Skywalkers'],
    ['00:38:08 - M.O.S. - Skywalkers', '00:38:08', 2288, 'M.O.S. - Skywalkers'],
    ['12:30 – Dusky - Bindweed', '12:30', 750, 'Dusky - Bindweed'],
    ['(0:45) Guy Gerber - Sea Of Sand', '0:45', 45, 'Guy Gerber - Sea Of Sand'],
  ])('%s', (line, cue, cueSeconds, rest) => {
    expect(takeLeadingCue(line)).toEqual({ cue, cueSeconds, rest });
  });

  it('leaves "20:20 Vision - Lifeforce" alone (no dash after the time)', () => {
    expect(takeLeadingCue('20:20 Vision - Lifeforce').cue).toBeNull();
  });
});

describe('takeTrailingCue', () => {
  it.each([
    ['Dusky - Bindweed 00:00:40', '00:00:40', 40, 'Dusky - Bindweed', null],
    ['M.O.S. - Skywalkers 00:38:08- DIALEKT TRACK OF THE WEEK', '00:38:08', 2288, 'M.O.S. - Skywalkers', 'DIALEKT TRACK OF THE WEEK'],
    ['Shed - Atmosphere (12:30)', '12:30', 750, 'Shed - Atmosphere', null],
    ['Shed - Atmosphere [1:02:33]', '1:02:33', 3753, 'Shed - Atmosphere', null],
  ])('%s', (line, cue, cueSeconds, rest, note) => {
    expect(takeTrailingCue(line)).toEqual({ cue, cueSeconds, rest, note });
  });

  it.each(['Orlando Voorn - At Last [4:50]', 'Untitled 12:30', 'Shed - Atmosphere'])('finds no cue at the end of "%s"', (line) => {
    expect(takeTrailingCue(line).cue).toBeNull();
  });
});
