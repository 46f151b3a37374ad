import type { GraphStore } from '../model/graph-store';
import { parseEdgeId } from '../model/graph-types';
import type { UiAction, UiState } from '../state/ui-reducer';
import { EdgeDetails } from './EdgeDetails';
import { Recommendations } from './Recommendations';
import { TrackDetails } from './TrackDetails';
import { TrackName } from './TrackName';

/** The right-hand panel: the selected transition, the selected track (with recommendations), or a hint. */
export function DetailsPanel({ state, store, dispatch }: { state: UiState; store: GraphStore; dispatch: (action: UiAction) => void }) {
  const edge = state.selectedEdgeId ? parseEdgeId(state.selectedEdgeId) : null;
  if (edge) return <EdgeDetails key={state.selectedEdgeId} fromId={edge.from} toId={edge.to} dispatch={dispatch} />;
  if (state.selectedIds.length === 1) {
    const trackId = state.selectedIds[0]!;
    return (
      <>
        <TrackDetails key={trackId} trackId={trackId} isCentre={trackId === state.centreId} dispatch={dispatch} />
        <Recommendations trackId={trackId} dispatch={dispatch} />
      </>
    );
  }
  if (state.selectedIds.length > 1) {
    return (
      <section className="panel" aria-labelledby="selection-title">
        <h2 id="selection-title">{state.selectedIds.length} tracks selected</h2>
        <ul className="plain-list">
          {state.selectedIds.map((id) => (
            <li key={id}>
              <TrackName id={id} store={store} />
            </li>
          ))}
        </ul>
        <p className="hint">Enter expands them all; with two selected, the path finder can route between them.</p>
      </section>
    );
  }
  if (state.centreId) {
    // Nothing selected: the centre's details and its directed lists.
    return <TrackDetails key={state.centreId} trackId={state.centreId} isCentre dispatch={dispatch} />;
  }
  return (
    <section className="panel">
      <h2>Details</h2>
      <p className="hint">
        Click a track for its artists, plays and what DJs play right before and after it; click a transition for the setlists behind it.
      </p>
    </section>
  );
}
