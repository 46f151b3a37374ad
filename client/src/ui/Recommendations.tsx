import { useQuery } from 'urql';
import { RecommendationsDocument } from '../generated/graphql';
import type { UiAction } from '../state/ui-reducer';
import { plural, trackLabel } from './track-text';

/** "DJs who play this also play…": tracks sharing setlists with the selected one. Choosing one centres it. */
export function Recommendations({ trackId, dispatch }: { trackId: string; dispatch: (action: UiAction) => void }) {
  const [result] = useQuery({ query: RecommendationsDocument, variables: { trackId, first: 10 } });
  const items = result.data?.recommendations ?? [];
  return (
    <section className="panel" aria-labelledby="recommendations-title" data-testid="recommendations">
      <h2 id="recommendations-title">DJs who play it also play</h2>
      {result.fetching && items.length === 0 && <p className="hint">Loading…</p>}
      {result.error && <p className="error">Could not load recommendations: {result.error.message}</p>}
      {!result.fetching && !result.error && items.length === 0 && <p className="hint">No other track shares a setlist with it yet.</p>}
      <ol className="transition-list">
        {items.map((item) => (
          <li key={item.track.id}>
            <button
              type="button"
              className="link"
              onClick={() => dispatch({ type: 'centre', trackId: item.track.id })}
              title="Centre this track"
            >
              {trackLabel(item.track)}
            </button>
            <span className="muted">
              {' '}
              {plural(item.sharedSetlists, 'shared setlist')} · score {item.score.toFixed(2)}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
