// The questions bench/api asks SongNodes (run.mjs, profile.mjs): what the explorer asks, at depth 1 and 2, and a search.
export const OURS = {
  neighbourhood1:
    'query($id: ID!) { neighbourhood(trackId: $id, depth: 1, limit: 50) { truncated nodes { id title artistCredit plays } edges { weight djs from { id } to { id } } } }',
  neighbourhood2:
    'query($id: ID!) { neighbourhood(trackId: $id, depth: 2, limit: 50) { truncated nodes { id title artistCredit plays } edges { weight djs from { id } to { id } } } }',
  search: 'query($q: String!) { searchTracks(query: $q, first: 10) { edges { score node { id title artistCredit plays } } } }',
};
