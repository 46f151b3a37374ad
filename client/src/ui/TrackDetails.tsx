import { useQuery } from 'urql';
import { TrackDetailsDocument } from '../generated/graphql';
import { DirectedList } from './DirectedList';
import type { UiAction } from '../state/ui-reducer';
import { plural, versionText } from './track-text';

interface TrackDetailsProps {
  trackId: string;
  isCentre: boolean;
  dispatch: (action: UiAction) => void;
}

/** A track: artists by role, version, plays, and what DJs play right before and after it (DirectedList). */
export function TrackDetails({ trackId, isCentre, dispatch }: TrackDetailsProps) {
  const [result] = useQuery({ query: TrackDetailsDocument, variables: { id: trackId } });
  if (result.fetching && !result.data)
    return (
      <section className="panel">
        <p className="hint">Loading the track…</p>
      </section>
    );
  if (result.error)
    return (
      <section className="panel">
        <p className="error">Could not load the track: {result.error.message}</p>
      </section>
    );
  const track = result.data?.track;
  if (!track)
    return (
      <section className="panel">
        <p className="hint">This track is not in the graph (any more).</p>
      </section>
    );
  return (
    <section className="panel" aria-labelledby="track-title" data-testid="track-details">
      <h2 id="track-title">{track.title}</h2>
      <dl className="facts">
        <dt>Artists</dt>
        <dd>
          {track.credits.length === 0
            ? track.artistCredit
            : track.credits
                .map((credit) => `${credit.artist.name}${credit.role === 'PRIMARY' ? '' : ` (${credit.role.toLowerCase()})`}`)
                .join(', ')}
        </dd>
        <dt>Credit as written</dt>
        <dd>{track.artistCredit}</dd>
        <dt>Version</dt>
        <dd>{versionText(track.version)}</dd>
        <dt>Plays</dt>
        <dd>{plural(track.plays, 'setlist')}</dd>
      </dl>
      <div className="button-row">
        {!isCentre && (
          <button type="button" onClick={() => dispatch({ type: 'centre', trackId })}>
            Centre
          </button>
        )}
        <button type="button" onClick={() => dispatch({ type: 'expand', trackId })}>
          Expand
        </button>
        <button type="button" onClick={() => dispatch({ type: 'setPathEnd', end: 'fromId', trackId })}>
          Path from here
        </button>
        <button type="button" onClick={() => dispatch({ type: 'setPathEnd', end: 'toId', trackId })}>
          Path to here
        </button>
        <button type="button" onClick={() => dispatch({ type: 'set', action: { type: 'add', trackId } })}>
          Add to set
        </button>
        <button type="button" onClick={() => dispatch({ type: 'openRequest', artist: track.artistCredit, title: track.title })}>
          Find more sets
        </button>
      </div>
      <DirectedList trackId={trackId} direction="IN" dispatch={dispatch} />
      <DirectedList trackId={trackId} direction="OUT" dispatch={dispatch} />
    </section>
  );
}
