import { useQuery } from 'urql';
import { TrackSummaryDocument } from '../generated/graphql';
import type { GraphStore } from '../model/graph-store';
import { trackLabel } from './track-text';

/** A track's label: from the store when it is in view, else asked for (a track only known by id, e.g. from a URL). */
export function TrackName({ id, store }: { id: string; store: GraphStore }) {
  const known = store.getNode(id);
  const [result] = useQuery({ query: TrackSummaryDocument, variables: { id }, pause: known !== undefined });
  if (known) return <>{trackLabel(known)}</>;
  if (result.fetching) return <span className="muted">loading…</span>;
  const track = result.data?.track;
  return track ? trackLabel(track) : <span className="muted">track {id} (not in the graph)</span>;
}
