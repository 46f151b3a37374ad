// The synthetic world: stylistic clusters, artists, tracks with power-law popularity, DJs with favourite styles
// and their own crates, and setlists drawn from them. Pure and seeded: no I/O, same seed -> same data.
import { createRandom, createZipfSampler, deriveSeed } from './random.mjs';
import { INVALID_CREDITS, makeArtistName, makeStyleName, makeTitle, makeVenue, makeVersion } from './names.mjs';
import { SHAPE } from './sizes.mjs';

const FOLLOW_UPS = 3;

/**
 * Builds artists, tracks and DJs. Local ids are array indexes; the loader maps them to silver ids by key.
 * @param {{ tracks: number, setlists: number, clusters: number }} size
 * @param {number} seed
 */
export function buildCatalogue(size, seed) {
  const random = createRandom(deriveSeed(seed, 1));
  const artistCount = Math.max(4, Math.round(size.tracks / SHAPE.tracksPerArtist));
  const artists = [{ name: 'Unknown Artist', cluster: -1 }];
  const artistsByCluster = Array.from({ length: size.clusters }, () => []);
  for (let i = 1; i <= artistCount; i++) {
    const cluster = i % size.clusters;
    artists.push({ name: makeArtistName(random), cluster });
    artistsByCluster[cluster].push(i);
  }

  const tracks = [];
  const tracksByCluster = Array.from({ length: size.clusters }, () => []);
  for (let i = 0; i < size.tracks; i++) tracks.push(makeTrack(random, artists, artistsByCluster, tracksByCluster, i));
  // Popularity is a rank inside the cluster: shuffle so that rank does not follow creation order.
  const clusters = tracksByCluster.map((ids, index) => {
    shuffle(random, ids);
    return { name: makeStyleName(index), tracks: Int32Array.from(ids), sample: createZipfSampler(ids.length, SHAPE.popularityExponent) };
  });

  // Every track has a few usual follow-ups in its own cluster: DJs who play it tend to mix into one of them next.
  const followUps = new Int32Array(size.tracks * FOLLOW_UPS);
  for (let t = 0; t < size.tracks; t++) {
    const cluster = clusters[tracks[t].cluster];
    for (let k = 0; k < FOLLOW_UPS; k++) followUps[t * FOLLOW_UPS + k] = cluster.tracks[cluster.sample(random)];
  }

  const djCount = Math.max(2, Math.round(size.setlists / SHAPE.setlistsPerDj));
  const djs = [];
  for (let i = 0; i < djCount; i++) djs.push(makeDj(random, artists, clusters, size.clusters));
  return { seed, size, artists, tracks, clusters, followUps, djs, sampleDj: createZipfSampler(djCount, SHAPE.djActivityExponent) };
}

function makeTrack(random, artists, artistsByCluster, tracksByCluster, index) {
  const cluster = index % tracksByCluster.length;
  tracksByCluster[cluster].push(index);
  const title = makeTitle(random);
  if (random.chance(SHAPE.invalidCreditShare)) {
    // Half of them point at the "Unknown Artist" placeholder row, as a naive refine step would write it.
    const credits = random.chance(0.5) ? [{ artist: 0, role: 'primary' }] : [];
    return { title, version: null, credit: random.pick(INVALID_CREDITS), cluster, credits };
  }
  const primary = random.pick(artistsByCluster[cluster]);
  const credits = [{ artist: primary, role: 'primary' }];
  let credit = artists[primary].name;
  if (random.chance(SHAPE.featuringShare)) {
    const featured = random.pick(artistsByCluster[cluster]);
    if (featured !== primary) {
      credits.push({ artist: featured, role: 'featured' });
      credit += ` feat. ${artists[featured].name}`;
    }
  }
  let version = null;
  if (random.chance(SHAPE.remixShare)) {
    const remixer = random.pick(artistsByCluster[cluster]);
    version = makeVersion(random, artists[remixer].name);
    if (remixer !== primary) credits.push({ artist: remixer, role: 'remixer' });
  }
  return { title, version, credit, cluster, credits };
}

function makeDj(random, artists, clusters, clusterCount) {
  // Some DJs also make tracks (same artist row), the others are new artist rows.
  let artist;
  if (random.chance(0.3)) artist = random.int(1, artists.length - 1);
  else {
    artist = artists.length;
    artists.push({ name: makeArtistName(random), cluster: -1 });
  }
  const styles = [];
  const styleCount = random.int(1, Math.min(3, clusterCount));
  for (let i = 0; i < styleCount; i++) styles.push({ cluster: random.int(0, clusterCount - 1), weight: 1 / (i + 1) });
  const crate = [];
  const crateSize = random.int(30, 80);
  for (let i = 0; i < crateSize; i++) {
    const cluster = clusters[pickStyle(random, styles)];
    crate.push(cluster.tracks[cluster.sample(random)]);
  }
  return { artist, styles, crate, activeFrom: random.int(SHAPE.firstYear, SHAPE.lastYear - 1) };
}

function pickStyle(random, styles) {
  const total = styles.reduce((sum, s) => sum + s.weight, 0);
  let roll = random.next() * total;
  for (const style of styles) {
    roll -= style.weight;
    if (roll <= 0) return style.cluster;
  }
  return styles[styles.length - 1].cluster;
}

function shuffle(random, items) {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
}

/**
 * Yields `count` setlists starting at local index `first`; each is { index, djs, date, venue, parts } where a part
 * is an array of track local ids or null (an unidentified row). The stream of setlist i depends only on (seed, i).
 */
export function* generateSetlists(catalogue, { first = 0, count }) {
  for (let index = first; index < first + count; index++) {
    const random = createRandom(deriveSeed(catalogue.seed, 1_000_003 + index));
    const dj = catalogue.djs[catalogue.sampleDj(random)];
    const djs = [dj.artist];
    if (random.chance(SHAPE.b2bShare)) djs.push(catalogue.djs[catalogue.sampleDj(random)].artist);
    const year = random.int(dj.activeFrom, SHAPE.lastYear);
    const date = `${year}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`;
    const rows = random.int(SHAPE.minRows, SHAPE.maxRows);
    const split = random.chance(SHAPE.twoPartShare) ? random.int(5, rows - 5) : rows;
    const played = pickRows(catalogue, dj, random, rows);
    const parts = split < rows ? [played.slice(0, split), played.slice(split)] : [played];
    yield { index, djs: [...new Set(djs)], date, venue: makeVenue(random), parts };
  }
}

function pickRows(catalogue, dj, random, rows) {
  const used = new Set();
  const played = [];
  let previous = null;
  for (let i = 0; i < rows; i++) {
    if (random.chance(SHAPE.unidentifiedShare)) {
      played.push(null);
      previous = null;
      continue;
    }
    let track = nextTrack(catalogue, dj, random, previous);
    for (let retry = 0; retry < 4 && used.has(track); retry++) track = nextTrack(catalogue, dj, random, null);
    used.add(track);
    played.push(track);
    previous = track;
  }
  return played;
}

function nextTrack(catalogue, dj, random, previous) {
  if (previous !== null && random.chance(SHAPE.followUpShare)) {
    const roll = random.next();
    const k = roll < 0.5 ? 0 : roll < 0.8 ? 1 : 2;
    return catalogue.followUps[previous * FOLLOW_UPS + k];
  }
  if (random.chance(SHAPE.crateShare)) return random.pick(dj.crate);
  const cluster = catalogue.clusters[pickStyle(random, dj.styles)];
  return cluster.tracks[cluster.sample(random)];
}

const pad = (n) => String(n).padStart(2, '0');
