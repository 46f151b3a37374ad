// Size presets of the synthetic silver dataset. `transitions` is roughly what silver.graph_transitions ends up with
// (measured with the default seed); setlist count drives it, track count drives how sparse the graph is.

/**
 * @typedef {object} SizePreset
 * @property {number} tracks       silver.tracks rows
 * @property {number} setlists     silver.setlists rows (15-40 rows each)
 * @property {number} clusters     stylistic clusters (DJs favour one to three)
 * @property {string} approx       what to expect, for the help text
 */

/** @type {Record<string, SizePreset>} */
export const SIZES = {
  tiny: { tracks: 300, setlists: 40, clusters: 3, approx: '~200 graph tracks, ~800 graph transitions' },
  small: { tracks: 5_000, setlists: 1_000, clusters: 6, approx: '~4k graph tracks, ~19k graph transitions' },
  medium: { tracks: 40_000, setlists: 10_000, clusters: 16, approx: '~34k graph tracks, ~180k graph transitions' },
  large: { tracks: 260_000, setlists: 62_000, clusters: 50, approx: '~212k graph tracks, ~1.1M graph transitions' },
};

/** Shape of the data, the same at every size. */
export const SHAPE = {
  /** Zipf exponent of track popularity inside a cluster */
  popularityExponent: 0.8,
  /** Zipf exponent of how many setlists a DJ has */
  djActivityExponent: 0.8,
  setlistsPerDj: 22,
  tracksPerArtist: 3.2,
  minRows: 15,
  maxRows: 40,
  /** "ID - ID" rows: track_id NULL, they break the chain */
  unidentifiedShare: 0.07,
  /** tracks whose credit the artist-validity rule rejects ("Unknown Artist", "VA - ...") */
  invalidCreditShare: 0.02,
  remixShare: 0.22,
  featuringShare: 0.1,
  /** next row is one of the previous track's usual follow-ups: what makes weights above 1 */
  followUpShare: 0.3,
  /** next row comes from the DJ's own crate (their favourites): what makes djs < weight */
  crateShare: 0.25,
  twoPartShare: 0.08,
  b2bShare: 0.05,
  firstYear: 2008,
  lastYear: 2025,
};
