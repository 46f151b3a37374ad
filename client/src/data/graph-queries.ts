/**
 * The explorer's reads that feed the graph store, as plain async functions over the urql client (the store is
 * not React state, so these are not hooks). Each returns a GraphPatch ready for GraphStore.merge.
 */
import type { Client, RequestPolicy } from '@urql/core';
import { NeighbourhoodDocument, PathDocument, type PathQuery } from '../generated/graphql';
import type { GraphPatch, TrackNode } from '../model/graph-types';
import { EMPTY_LENS, lensInput, type Filters, type Lens } from '../state/url-state';

/** Transitions asked for per neighbourhood (the API allows up to 500): enough to read, few enough to draw fast. */
export function edgeLimitFor(depth: number): number {
  return depth >= 3 ? 500 : depth === 2 ? 300 : 120;
}

export interface NeighbourhoodResult {
  patch: GraphPatch;
  /** more transitions met the filters than the limit let through */
  truncated: boolean;
}

/** Thrown when the API answered with errors (network, validation, masked server errors). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
}

/** The neighbourhood of a track under the filters; null when the track is not (or no longer) in the graph. */
export async function fetchNeighbourhood(
  client: Client,
  trackId: string,
  filters: Filters,
  requestPolicy: RequestPolicy = 'cache-first',
  lens: Lens = EMPTY_LENS,
): Promise<NeighbourhoodResult | null> {
  const result = await client
    .query(
      NeighbourhoodDocument,
      {
        trackId,
        depth: filters.depth,
        minWeight: filters.minWeight,
        direction: filters.direction,
        limit: edgeLimitFor(filters.depth),
        lens: lensInput(lens),
      },
      { requestPolicy },
    )
    .toPromise();
  if (result.error) throw new ApiError(result.error.message);
  const neighbourhood = result.data?.neighbourhood;
  if (!neighbourhood) return null;
  return {
    patch: { nodes: [neighbourhood.center, ...neighbourhood.nodes], edges: neighbourhood.edges },
    truncated: neighbourhood.truncated,
  };
}

/**
 * What there is around a track under the filters: its neighbourhood; the track alone when it is in the graph but
 * no transition meets the filters (the API answers the centre with no edges); or nothing when the track is not in
 * the graph at all (the API answers null).
 */
export type Surroundings = ({ kind: 'neighbourhood' } & NeighbourhoodResult) | { kind: 'isolated'; track: TrackNode } | { kind: 'missing' };

export async function fetchSurroundings(
  client: Client,
  trackId: string,
  filters: Filters,
  requestPolicy: RequestPolicy = 'cache-first',
  lens: Lens = EMPTY_LENS,
): Promise<Surroundings> {
  const neighbourhood = await fetchNeighbourhood(client, trackId, filters, requestPolicy, lens);
  if (!neighbourhood) return { kind: 'missing' };
  const [center] = neighbourhood.patch.nodes;
  if (neighbourhood.patch.edges.length === 0 && center) return { kind: 'isolated', track: center };
  return { kind: 'neighbourhood', ...neighbourhood };
}

export type FoundPath = NonNullable<PathQuery['path']>;

/** The most-travelled route between two tracks, or null when there is none within `maxHops`. */
export async function fetchPath(
  client: Client,
  fromId: string,
  toId: string,
  maxHops: number,
  lens: Lens = EMPTY_LENS,
): Promise<FoundPath | null> {
  const result = await client.query(PathDocument, { fromId, toId, maxHops, lens: lensInput(lens) }).toPromise();
  if (result.error) throw new ApiError(result.error.message);
  return result.data?.path ?? null;
}
