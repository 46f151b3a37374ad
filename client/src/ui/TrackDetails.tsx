import { useQuery } from 'urql';
import { TrackDetailsDocument, type TrackFieldsFragment, type TransitionFieldsFragment } from '../generated/graphql';
import { edgeIdOf } from '../model/graph-types';
import type { UiAction } from '../state/ui-reducer';
import { plural, trackLabel, versionText } from './track-text';

interface TrackDetailsProps {
  trackId: string;
  isCentre: boolean;
  dispatch: (action: UiAction) => void;
}

/** A track: artists by role, version, plays, and its strongest transitions in and out (click one for setlists). */
export function TrackDetails({ trackId, isCentre, dispatch }: TrackDetailsProps) {
  const [result] = useQuery({ query: TrackDetailsDocument, variables: { id: trackId } });
  if (result.fetching && !result.data) return <section className="panel"><p className="hint">Loading the track…</p></section>;
  if (result.error) return <section className="panel"><p className="error">Could not load the track: {result.error.message}</p></section>;
  const track = result.data?.track;
  if (!track) return <section className="panel"><p className="hint">This track is not in the graph (any more).</p></section>;
  return (
    <section className="panel" aria-labelledby="track-title" data-testid="track-details">
      <h2 id="track-title">{track.title}</h2>
      <dl className="facts">
        <dt>Artists</dt>
        <dd>
          {track.credits.length === 0
            ? track.artistCredit
            : track.credits.map((credit) => `${credit.artist.name}${credit.role === 'PRIMARY' ? '' : ` (${credit.role.toLowerCase()})`}`).join(', ')}
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
      </div>
      <TransitionList title="Played right before it" items={track.strongestIncoming.map((t) => ({ other: t.from, t }))} dispatch={dispatch} />
      <TransitionList title="Played right after it" items={track.strongestOutgoing.map((t) => ({ other: t.to, t }))} dispatch={dispatch} />
    </section>
  );
}

interface TransitionListProps {
  title: string;
  items: { other: TrackFieldsFragment; t: TransitionFieldsFragment }[];
  dispatch: (action: UiAction) => void;
}

function TransitionList({ title, items, dispatch }: TransitionListProps) {
  return (
    <>
      <h3>{title}</h3>
      {items.length === 0 ? (
        <p className="hint">No transitions recorded.</p>
      ) : (
        <ol className="transition-list">
          {items.map(({ other, t }) => (
            <li key={edgeIdOf(t.from.id, t.to.id)}>
              <button type="button" className="link" onClick={() => dispatch({ type: 'selectEdge', edgeId: edgeIdOf(t.from.id, t.to.id) })}>
                {trackLabel(other)}
              </button>
              <span className="muted">
                {' '}
                {plural(t.weight, 'setlist')} · {plural(t.djs, 'DJ')}
              </span>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
