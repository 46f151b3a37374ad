// Loads a synthetic catalogue and its setlists into silver through psql: COPY into temporary staging tables,
// then INSERT ... SELECT into silver, so identity ids, the artist-validity column and the transition triggers
// behave exactly as they do for the crawler's refine step. All in one transaction: a failed load leaves nothing.
//
// psql rather than a Node COPY stream: node-postgres has no COPY support without an extra package, and psql ships
// with PostgreSQL (the local stack already needs its binaries).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync } from 'node:fs';
import { generateSetlists } from './model.mjs';

/** psql from $PSQL, from PATH, or from Debian's /usr/lib/postgresql/<version>/bin. */
export function findPsql() {
  if (process.env.PSQL) return process.env.PSQL;
  const debian = existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql')
        .sort((a, b) => Number(b) - Number(a))
        .map((v) => `/usr/lib/postgresql/${v}/bin/psql`)
    : [];
  return debian.find((path) => existsSync(path)) ?? 'psql';
}

/** COPY text format: backslash, tab and newlines escaped, NULL as \N. */
const field = (value) =>
  value === null || value === undefined
    ? '\\N'
    : String(value).replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]);

/**
 * Streams the load script into psql and resolves when it committed.
 * @param {{ databaseUrl: string, catalogue: object, namespace: string, setlistChunk?: number, log: (msg: string, extra?: object) => void }} options
 *   setlistChunk: setlists per INSERT into silver.setlist_tracks, i.e. per trigger-driven recompute (default 5000)
 */
export async function loadCatalogue({ databaseUrl, catalogue, namespace, setlistChunk = 5000, log }) {
  const psql = spawn(findPsql(), ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', databaseUrl], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  psql.stderr.on('data', (chunk) => (stderr += chunk));
  psql.stdout.on('data', (chunk) => {
    for (const line of String(chunk).split('\n').filter(Boolean)) log(line.trim());
  });
  const exited = once(psql, 'close');
  let buffer = '';
  const write = async (text) => {
    buffer += text;
    if (buffer.length < 1 << 16) return;
    const chunk = buffer;
    buffer = '';
    if (!psql.stdin.write(chunk)) await Promise.race([once(psql.stdin, 'drain'), exited]);
  };
  const copy = async (table, rows) => {
    await write(`COPY ${table} FROM STDIN;\n`);
    for (const row of rows) await write(`${row.map(field).join('\t')}\n`);
    await write('\\.\n');
  };

  await write(STAGING_SQL);
  const { artists, tracks } = catalogue;
  await copy(
    'gen_artists',
    artists.map((a, i) => [i, a.name, `${namespace}:artist:${i}`]),
  );
  await copy(
    'gen_tracks',
    tracks.map((t, i) => [i, t.title, t.version, t.credit, `${namespace}:track:${i}`]),
  );
  await copy(
    'gen_track_artists',
    tracks.flatMap((t, i) => t.credits.map((c, position) => [i, c.artist, c.role, position])),
  );
  const setlists = [...generateSetlists(catalogue, { count: catalogue.size.setlists })];
  await copy(
    'gen_setlists',
    setlists.map((s) => setlistRow(s, artists, namespace)),
  );
  await copy(
    'gen_setlist_djs',
    setlists.flatMap((s) => s.djs.map((artist, position) => [s.index, artist, position])),
  );
  await copy('gen_setlist_tracks', setlistTrackRows(setlists));
  await write(INSERT_SQL);
  for (let lo = 0; lo < setlists.length; lo += setlistChunk) {
    const hi = Math.min(setlists.length, lo + setlistChunk);
    await write(`\\echo setlist rows ${lo}..${hi} of ${setlists.length}\n${insertRowsSql(lo, hi)}`);
  }
  await write(
    'COMMIT;\nANALYZE silver.tracks, silver.artists, silver.track_artists, silver.setlists, silver.setlist_tracks, silver.transitions, silver.transition_occurrences;\n',
  );
  psql.stdin.end(buffer);
  const [code] = await exited;
  if (code !== 0) throw new Error(`psql failed (exit ${code}); nothing was loaded:\n${stderr.trim()}`);
  return { setlists: setlists.length, setlistRows: setlists.reduce((n, s) => n + s.parts.flat().length, 0) };
}

function setlistRow(setlist, artists, namespace) {
  const dj = setlist.djs.map((a) => artists[a].name).join(' b2b ');
  return [
    setlist.index,
    `synthetic://${namespace}/setlist/${setlist.index}`,
    `[synthetic] ${dj} @ ${setlist.venue} ${setlist.date}`,
    dj,
    setlist.venue,
    setlist.date,
  ];
}

function* setlistTrackRows(setlists) {
  for (const s of setlists) {
    for (const [partIndex, part] of s.parts.entries()) {
      const partName = s.parts.length > 1 ? `Part ${partIndex + 1}` : null;
      for (const [i, track] of part.entries()) yield [s.index, partIndex, partName, i + 1, track, track === null ? 'ID - ID' : null];
    }
  }
}

const STAGING_SQL = `
BEGIN;
CREATE TEMP TABLE gen_artists (local_id int PRIMARY KEY, name text, name_key text) ON COMMIT DROP;
CREATE TEMP TABLE gen_tracks (local_id int PRIMARY KEY, title text, version text, artist_credit text, track_key text) ON COMMIT DROP;
CREATE TEMP TABLE gen_track_artists (track_local int, artist_local int, role text, position int) ON COMMIT DROP;
CREATE TEMP TABLE gen_setlists (local_id int PRIMARY KEY, source_url text, title text, dj_credit text, venue text, date date) ON COMMIT DROP;
CREATE TEMP TABLE gen_setlist_djs (setlist_local int, artist_local int, position int) ON COMMIT DROP;
CREATE TEMP TABLE gen_setlist_tracks (setlist_local int, part_index int, part_name text, position int, track_local int, raw text) ON COMMIT DROP;
`;

const INSERT_SQL = `
\\echo staged; inserting artists, tracks, credits, setlists
INSERT INTO silver.artists (name, name_key) SELECT name, name_key FROM gen_artists ORDER BY local_id;
CREATE TEMP TABLE map_artists ON COMMIT DROP AS SELECT g.local_id, a.id FROM gen_artists g JOIN silver.artists a USING (name_key);
ALTER TABLE map_artists ADD PRIMARY KEY (local_id);
INSERT INTO silver.tracks (title, version, artist_credit, track_key) SELECT title, version, artist_credit, track_key FROM gen_tracks ORDER BY local_id;
CREATE TEMP TABLE map_tracks ON COMMIT DROP AS SELECT g.local_id, t.id FROM gen_tracks g JOIN silver.tracks t USING (track_key);
ALTER TABLE map_tracks ADD PRIMARY KEY (local_id);
INSERT INTO silver.track_artists (track_id, artist_id, role, position)
  SELECT mt.id, ma.id, g.role, g.position FROM gen_track_artists g
  JOIN map_tracks mt ON mt.local_id = g.track_local JOIN map_artists ma ON ma.local_id = g.artist_local;
INSERT INTO silver.setlists (source, source_url, title, dj_credit, venue, date, content_sha256, track_count, identified_count)
  SELECT 'mixesdb', g.source_url, g.title, g.dj_credit, g.venue, g.date, 'synthetic', r.total, r.identified
  FROM gen_setlists g
  JOIN (SELECT setlist_local, count(*) AS total, count(track_local) AS identified FROM gen_setlist_tracks GROUP BY 1) r
    ON r.setlist_local = g.local_id
  ORDER BY g.local_id;
CREATE TEMP TABLE map_setlists ON COMMIT DROP AS SELECT g.local_id, s.id FROM gen_setlists g JOIN silver.setlists s ON s.source = 'mixesdb' AND s.source_url = g.source_url;
ALTER TABLE map_setlists ADD PRIMARY KEY (local_id);
INSERT INTO silver.setlist_djs (setlist_id, artist_id, position)
  SELECT ms.id, ma.id, g.position FROM gen_setlist_djs g
  JOIN map_setlists ms ON ms.local_id = g.setlist_local JOIN map_artists ma ON ma.local_id = g.artist_local;
CREATE INDEX ON gen_setlist_tracks (setlist_local);
ANALYZE gen_setlist_tracks;
`;

// One statement per chunk of setlists: the statement-level trigger recomputes the chunk's transitions at once.
const insertRowsSql = (lo, hi) => `
INSERT INTO silver.setlist_tracks (setlist_id, part_index, part_name, position, track_id, raw)
  SELECT ms.id, g.part_index, g.part_name, g.position, mt.id, g.raw
  FROM gen_setlist_tracks g JOIN map_setlists ms ON ms.local_id = g.setlist_local
  LEFT JOIN map_tracks mt ON mt.local_id = g.track_local
  WHERE g.setlist_local >= ${lo} AND g.setlist_local < ${hi};
`;
