/** Plain GraphQL over HTTP from the test process, to find ids the browser steps then use. */

export async function queryApi<T>(baseUrl: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (!body.data || body.errors) throw new Error(`GraphQL: ${JSON.stringify(body.errors)}`);
  return body.data;
}

interface FoundTrack {
  id: string;
  title: string;
  artistCredit: string;
  version: string | null;
}

/** The id of the track with exactly this artist credit and title (original version). */
export async function findTrackId(baseUrl: string, artistCredit: string, title: string): Promise<string | null> {
  const data = await queryApi<{ searchTracks: { edges: { node: FoundTrack }[] } }>(
    baseUrl,
    'query ($q: String!) { searchTracks(query: $q, first: 20) { edges { node { id title artistCredit version } } } }',
    { q: `${artistCredit} ${title}` },
  );
  const match = data.searchTracks.edges.find(
    ({ node }) => node.artistCredit === artistCredit && node.title === title && node.version === null,
  );
  return match?.node.id ?? null;
}

/** Ids of the tracks `trackId` leads into (direction OUT, depth 1). */
export async function playedAfter(baseUrl: string, trackId: string): Promise<string[]> {
  const data = await queryApi<{ neighbourhood: { edges: { from: { id: string }; to: { id: string } }[] } | null }>(
    baseUrl,
    'query ($id: ID!) { neighbourhood(trackId: $id, direction: OUT, limit: 200) { edges { from { id } to { id } } } }',
    { id: trackId },
  );
  return (data.neighbourhood?.edges ?? []).filter((edge) => edge.from.id === trackId).map((edge) => edge.to.id);
}
