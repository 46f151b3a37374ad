import type { NeighbourhoodStatus } from '../hooks/use-neighbourhoods';
import type { StoreSummary } from '../hooks/use-store-summary';
import { plural } from './track-text';

interface GraphStatusProps {
  summary: StoreSummary;
  status: NeighbourhoodStatus;
  hasCentre: boolean;
  failure: string | null;
}

/** What the graph area says about itself: counts, loading, errors, and what is missing from the view. */
export function GraphStatus({ summary, status, hasCentre, failure }: GraphStatusProps) {
  if (failure) {
    return (
      <div className="graph-message error" role="alert">
        The graph cannot be drawn: {failure}. The search, details and path finder still work.
      </div>
    );
  }
  if (!hasCentre) {
    return (
      <div className="graph-message">
        Search for a track above (press <kbd>/</kbd>) to see what DJs play right before and right after it.
      </div>
    );
  }
  return (
    <div className="graph-status" role="status" aria-live="polite">
      <span data-testid="graph-counts">
        {plural(summary.nodeCount, 'track')} · {plural(summary.edgeCount, 'transition')}
      </span>
      {status.loading && <span className="pill">loading…</span>}
      {status.error && <span className="pill error">could not load: {status.error}</span>}
      {status.truncatedIds.length > 0 && (
        <span className="pill" title="The strongest transitions are shown; raise the minimum weight to see the rest in turn.">
          showing the strongest transitions only
        </span>
      )}
      {status.isolatedIds.length > 0 && (
        <span className="pill warn">no transition meets the filters around {plural(status.isolatedIds.length, 'track')}</span>
      )}
      {status.missingIds.length > 0 && <span className="pill warn">{plural(status.missingIds.length, 'track')} not in the graph</span>}
    </div>
  );
}
