/**
 * What the set builder shows and exports: each track of the set (TrackSummary) and each step's transition under
 * the lens (SetStep: weight and DJs, or null when no DJ played that pair), read through the urql cache.
 */
import { useEffect, useState } from 'react';
import { useClient } from 'urql';
import type { SetTrack } from '../export/set-export';
import { SetStepDocument, TrackSummaryDocument } from '../generated/graphql';
import { parseEdgeId } from '../model/graph-types';
import type { StepTransition } from '../state/set-builder';
import { setTransitionIds } from '../state/set-builder';
import { lensInput, lensKey, type Lens } from '../state/url-state';

export interface SetData {
  tracks: ReadonlyMap<string, SetTrack>;
  transitions: ReadonlyMap<string, StepTransition | null>;
  loading: boolean;
  error: string | null;
}

export function useSetData(ids: readonly string[], lens: Lens): SetData {
  const client = useClient();
  const [data, setData] = useState<SetData>({ tracks: new Map(), transitions: new Map(), loading: false, error: null });
  const key = `${ids.join(',')}#${lensKey(lens)}`;
  useEffect(() => {
    let cancelled = false;
    setData((d) => ({ ...d, loading: ids.length > 0 }));
    const lensArg = lensInput(lens);
    void (async () => {
      try {
        const tracks = new Map<string, SetTrack>();
        const transitions = new Map<string, StepTransition | null>();
        await Promise.all([
          ...ids.map(async (id) => {
            const result = await client.query(TrackSummaryDocument, { id }).toPromise();
            if (result.error) throw new Error(result.error.message);
            const track = result.data?.track;
            if (track)
              tracks.set(id, { id: track.id, title: track.title, version: track.version ?? null, artistCredit: track.artistCredit });
          }),
          ...setTransitionIds(ids).map(async (edgeId) => {
            const { from, to } = parseEdgeId(edgeId)!;
            const result = await client.query(SetStepDocument, { fromId: from, toId: to, lens: lensArg }).toPromise();
            if (result.error) throw new Error(result.error.message);
            const t = result.data?.transition;
            transitions.set(edgeId, t ? { weight: t.weight, djs: t.djs } : null);
          }),
        ]);
        if (!cancelled) setData({ tracks, transitions, loading: false, error: null });
      } catch (error) {
        if (!cancelled) setData((d) => ({ ...d, loading: false, error: error instanceof Error ? error.message : String(error) }));
      }
    })();
    return () => {
      cancelled = true;
    };
    // key stands for ids and the lens
  }, [client, key]);
  return data;
}
