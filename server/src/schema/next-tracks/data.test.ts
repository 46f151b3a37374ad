import { strongestEvidence } from './data';

it('a suggestion rests on its strongest kind of evidence', () => {
  expect(strongestEvidence({ transitions: 2, viaOtherVersions: 3, viaTwoHops: 1 })).toBe('DIRECT');
  expect(strongestEvidence({ transitions: 0, viaOtherVersions: 1, viaTwoHops: 4 })).toBe('OTHER_VERSION');
  expect(strongestEvidence({ transitions: 0, viaOtherVersions: 0, viaTwoHops: 1 })).toBe('TWO_HOP');
  expect(strongestEvidence({ transitions: 0, viaOtherVersions: 0, viaTwoHops: 0 })).toBe('SAME_SETLIST');
});
