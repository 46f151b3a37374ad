import type { PathState } from '../hooks/use-path';
import { PATH_MAX_HOPS } from '../hooks/use-path';
import type { GraphStore } from '../model/graph-store';
import { edgeIdOf } from '../model/graph-types';
import type { UiAction } from '../state/ui-reducer';
import { TrackName } from './TrackName';
import { plural, trackLabel } from './track-text';

interface PathFinderProps {
  ends: { fromId: string | null; toId: string | null };
  selectedIds: readonly string[];
  path: PathState;
  store: GraphStore;
  dispatch: (action: UiAction) => void;
}

/** Two ends (from the selection), then the most-travelled route between them, drawn highlighted. */
export function PathFinder({ ends, selectedIds, path, store, dispatch }: PathFinderProps) {
  const selected = selectedIds.length === 1 ? selectedIds[0]! : null;
  const setEnd = (end: 'fromId' | 'toId', trackId: string | null) => dispatch({ type: 'setPathEnd', end, trackId });
  const takeSelectedPair = () => {
    setEnd('fromId', selectedIds[0] ?? null);
    setEnd('toId', selectedIds[1] ?? null);
  };
  return (
    <section className="panel" aria-labelledby="path-title">
      <h2 id="path-title">Path finder</h2>
      {(['fromId', 'toId'] as const).map((end) => (
        <div className="path-end" key={end}>
          <span className="path-end-label">{end === 'fromId' ? 'From' : 'To'}</span>
          <span className="path-end-track" data-testid={`path-${end}`}>
            {ends[end] ? <TrackName id={ends[end]} store={store} /> : <span className="muted">not chosen</span>}
          </span>
          <button type="button" disabled={!selected} onClick={() => setEnd(end, selected)} title="Use the selected track">
            use selected
          </button>
        </div>
      ))}
      <div className="button-row">
        {selectedIds.length === 2 && (
          <button type="button" onClick={takeSelectedPair}>
            Path between the 2 selected
          </button>
        )}
        {(ends.fromId || ends.toId) && (
          <button
            type="button"
            onClick={() => {
              setEnd('fromId', null);
              setEnd('toId', null);
            }}
          >
            Clear
          </button>
        )}
      </div>
      <PathResult path={path} dispatch={dispatch} />
    </section>
  );
}

function PathResult({ path, dispatch }: { path: PathState; dispatch: (action: UiAction) => void }) {
  if (path.status === 'idle') return <p className="hint">Select a track, “use selected” for each end — or Ctrl/⌘-click two tracks.</p>;
  if (path.status === 'loading') return <p className="hint">Finding the most-travelled route…</p>;
  if (path.status === 'error') return <p className="error">Could not find a path: {path.error}</p>;
  if (path.status === 'none' || !path.path) return <p className="hint">No route within {PATH_MAX_HOPS} transitions.</p>;
  const { tracks, transitions, hops, cost } = path.path;
  return (
    <div data-testid="path-result">
      <p className="hint">
        {plural(hops, 'hop')} · cost {cost.toFixed(2)} (lower = more travelled)
      </p>
      <ol className="path-list">
        {tracks.map((track, i) => (
          <li key={`${track.id}-${i}`}>
            <button type="button" className="link" onClick={() => dispatch({ type: 'select', trackId: track.id })}>
              {trackLabel(track)}
            </button>
            {transitions[i] && (
              <button
                type="button"
                className="link hop"
                onClick={() => dispatch({ type: 'selectEdge', edgeId: edgeIdOf(transitions[i]!.from.id, transitions[i]!.to.id) })}
              >
                ↓ {plural(transitions[i]!.weight, 'setlist')}
              </button>
            )}
          </li>
        ))}
      </ol>
      <button
        type="button"
        onClick={() => dispatch({ type: 'set', action: { type: 'addMany', trackIds: tracks.map((track) => track.id) } })}
      >
        Add path to set
      </button>
    </div>
  );
}
