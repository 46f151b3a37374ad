import { useState } from 'react';
import { useQuery } from 'urql';
import { TransitionDetailsDocument } from '../generated/graphql';
import { useLensInput } from './lens-context';
import type { UiAction } from '../state/ui-reducer';
import { SetlistList } from './SetlistList';
import { dateText, plural, trackLabel } from './track-text';

/** Setlists per page (the API allows up to 50). */
export const SETLISTS_PER_PAGE = 10;

interface EdgeDetailsProps {
  fromId: string;
  toId: string;
  dispatch: (action: UiAction) => void;
}

/**
 * A transition: how many performances (one DJ set counts once however many sources carry it) and DJs, first/last
 * seen, and the performances behind it with their sources.
 */
export function EdgeDetails({ fromId, toId, dispatch }: EdgeDetailsProps) {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const lens = useLensInput();
  const [result] = useQuery({ query: TransitionDetailsDocument, variables: { fromId, toId, first: SETLISTS_PER_PAGE, after: null, lens } });
  if (result.fetching && !result.data)
    return (
      <section className="panel">
        <p className="hint">Loading the transition…</p>
      </section>
    );
  if (result.error)
    return (
      <section className="panel">
        <p className="error">Could not load the transition: {result.error.message}</p>
      </section>
    );
  const transition = result.data?.transition;
  if (!transition)
    return (
      <section className="panel">
        <p className="hint">No DJ played these two tracks back to back (any more).</p>
      </section>
    );
  return (
    <section className="panel" aria-labelledby="edge-title" data-testid="edge-details">
      <h2 id="edge-title">Transition</h2>
      <p className="edge-ends">
        <button type="button" className="link" onClick={() => dispatch({ type: 'select', trackId: fromId })}>
          {trackLabel(transition.from)}
        </button>
        <span className="arrow">↓ played right before</span>
        <button type="button" className="link" onClick={() => dispatch({ type: 'select', trackId: toId })}>
          {trackLabel(transition.to)}
        </button>
      </p>
      <dl className="facts">
        <dt>Weight</dt>
        <dd data-testid="edge-weight">{plural(transition.weight, 'performance')}</dd>
        <dt>DJs</dt>
        <dd>{plural(transition.djs, 'DJ')}</dd>
        <dt>First seen</dt>
        <dd>{dateText(transition.firstSeen)}</dd>
        <dt>Last seen</dt>
        <dd>{dateText(transition.lastSeen)}</dd>
      </dl>
      <h3>Performances ({transition.setlists.totalCount})</h3>
      {cursors.map((after, page) => (
        <SetlistList
          key={after ?? 'first'}
          fromId={fromId}
          toId={toId}
          after={after}
          first={SETLISTS_PER_PAGE}
          isLast={page === cursors.length - 1}
          onMore={(cursor) => setCursors((list) => [...list, cursor])}
        />
      ))}
    </section>
  );
}
