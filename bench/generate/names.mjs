// Made-up names for synthetic artists, tracks, clusters and venues. Built from syllables and word lists so that
// full-text search and label rendering see text of a realistic length, never a real artist's name.

const SYLLABLES = [
  'ka',
  'lo',
  'ren',
  'vi',
  'sto',
  'mar',
  'el',
  'dun',
  'ara',
  'tek',
  'zo',
  'nim',
  'bel',
  'qua',
  'ris',
  'ton',
  'sha',
  'vel',
  'mo',
  'dri',
  'ux',
  'ly',
  'sen',
  'gor',
  'pha',
  'wen',
  'ix',
  'cal',
  'ora',
  'fen',
  'tu',
  'ash',
];
const WORDS = [
  'Midnight',
  'Circuit',
  'Pulse',
  'Echo',
  'Drift',
  'Signal',
  'Velvet',
  'Concrete',
  'Horizon',
  'Static',
  'Orbit',
  'Tunnel',
  'Prism',
  'Fever',
  'Shadow',
  'Voltage',
  'Mirage',
  'Motion',
  'Riddle',
  'Lantern',
  'Harbour',
  'Glass',
  'Ritual',
  'Monsoon',
  'Neon',
  'Cascade',
  'Obsidian',
  'Solace',
  'Tremor',
  'Spiral',
  'Aurora',
  'Dust',
  'Vapour',
  'Machine',
  'Garden',
  'Frequency',
  'Pressure',
  'Silence',
  'Thunder',
  'Compass',
];
const STYLES = [
  'Deep Techno',
  'Peak Time Techno',
  'Minimal',
  'Deep House',
  'Progressive House',
  'Melodic Techno',
  'Acid',
  'Electro',
  'Breaks',
  'Tech House',
  'Trance',
  'Dub Techno',
  'Afro House',
  'Disco',
  'Drum & Bass',
  'Ambient',
];
const VERSION_WORDS = ['Remix', 'Dub', 'Edit', 'Rework', 'Mix', 'Remix'];
const VENUES = ['Warehouse', 'Club', 'Festival', 'Radio', 'Basement', 'Rooftop', 'Boiler Room', 'Open Air'];
const CITIES = ['Berlin', 'London', 'Amsterdam', 'Detroit', 'Ibiza', 'Tbilisi', 'Tokyo', 'Montreal', 'Lisbon'];

const capitalize = (word) => word.charAt(0).toUpperCase() + word.slice(1);

function makeWord(random, minSyllables, maxSyllables) {
  const count = random.int(minSyllables, maxSyllables);
  let word = '';
  for (let i = 0; i < count; i++) word += random.pick(SYLLABLES);
  return capitalize(word);
}

/** An artist name such as "Kalora Venn", "DJ Stomar" or "The Tekris". */
export function makeArtistName(random) {
  const roll = random.next();
  if (roll < 0.12) return `DJ ${makeWord(random, 2, 3)}`;
  if (roll < 0.2) return `The ${makeWord(random, 2, 3)}s`;
  if (roll < 0.55) return makeWord(random, 2, 4);
  return `${makeWord(random, 2, 3)} ${makeWord(random, 1, 3)}`;
}

/** A track title of one to three words. */
export function makeTitle(random) {
  const words = random.int(1, 3);
  const parts = [];
  for (let i = 0; i < words; i++) parts.push(random.chance(0.2) ? makeWord(random, 2, 3) : random.pick(WORDS));
  return parts.join(' ');
}

/** A version such as "Kalora Remix"; the remixer is credited separately. */
export function makeVersion(random, remixerName) {
  return `${remixerName} ${random.pick(VERSION_WORDS)}`;
}

/** The name of a stylistic cluster (suffixed when there are more clusters than styles). */
export function makeStyleName(index) {
  const base = STYLES[index % STYLES.length];
  return index < STYLES.length ? base : `${base} ${Math.floor(index / STYLES.length) + 1}`;
}

/** "Warehouse Berlin", "Boiler Room Tokyo". */
export function makeVenue(random) {
  return `${random.pick(VENUES)} ${random.pick(CITIES)}`;
}

/** Credits the artist-validity rule rejects (ARCHITECTURE §3), as they appear in real tracklists. */
export const INVALID_CREDITS = ['Unknown Artist', 'ID', 'VA', 'Various Artists - Compilation', 'Unknown Artist @ Fabric', '?'];
