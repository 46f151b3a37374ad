import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useQuery } from 'urql';
import { DirectedTransitionsDocument, type TransitionOrder } from '../generated/graphql';
import { edgeIdOf } from '../model/graph-types';
import type { UiAction } from '../state/ui-reducer';
import { useLensInput } from './lens-context';
import { plural, trackLabel } from './track-text';

/** Rows per list (the API allows 1-100). */
export const DIRECTED_ROWS = 25;

export const ORDERS: { value: TransitionOrder; label: string }[] = [
  { value: 'WEIGHT', label: 'most sets' },
  { value: 'DJS', label: 'most DJs' },
  { value: 'LAST_SEEN', label: 'latest' },
  { value: 'FIRST_SEEN', label: 'earliest' },
];

interface DirectedListProps {
  trackId: string;
  direction: 'IN' | 'OUT';
  dispatch: (action: UiAction) => void;
}

/**
 * The answer to the product's question as a list: what DJs play right before (IN) or right after (OUT) a track,
 * one row per transition with its sets, distinct DJs and first/last seen, under the lens. Sortable; ↑/↓ move
 * between rows, Enter centres the row's track, "sets" opens the setlists behind the transition, "+" adds the
 * track to the set being built.
 */
export function DirectedList({ trackId, direction, dispatch }: DirectedListProps) {
  const titleId = useId();
  const [orderBy, setOrderBy] = useState<TransitionOrder>('WEIGHT');
  const lens = useLensInput();
  const [result] = useQuery({ query: DirectedTransitionsDocument, variables: { trackId, direction, orderBy, lens, first: DIRECTED_ROWS } });
  const list = useRef<HTMLOListElement>(null);
  const title = direction === 'IN' ? 'Played right before' : 'Played right after';
  const rows = (result.data?.transitions.edges ?? []).map(({ node }) => ({ other: direction === 'IN' ? node.from : node.to, t: node }));

  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>, index: number, otherId: string) => {
    if (event.target !== event.currentTarget) return;
    const items = list.current?.querySelectorAll<HTMLLIElement>(':scope > li[tabindex]');
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      event.stopPropagation();
      items?.[Math.min(Math.max(index + (event.key === 'ArrowDown' ? 1 : -1), 0), items.length - 1)]?.focus();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      event.stopPropagation();
      dispatch({ type: 'centre', trackId: otherId });
    }
  };

  return (
    <section className="directed" aria-labelledby={titleId} data-testid={`directed-${direction.toLowerCase()}`}>
      <div className="directed-head">
        <h3 id={titleId}>{title}</h3>
        <label className="inline-field">
          <span className="visually-hidden">{title}: sort by</span>
          <select value={orderBy} onChange={(event) => setOrderBy(event.target.value as TransitionOrder)} aria-label={`${title}: sort by`}>
            {ORDERS.map((order) => (
              <option key={order.value} value={order.value}>
                {order.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {result.error ? (
        <p className="error">Could not load the list: {result.error.message}</p>
      ) : !result.data ? (
        <p className="hint">Loading…</p>
      ) : rows.length === 0 ? (
        <p className="hint">No transitions recorded{lens ? ' under the lens' : ''}.</p>
      ) : (
        <ol className="directed-list" ref={list} aria-label={title}>
          {rows.map(({ other, t }, index) => (
            <li
              key={edgeIdOf(t.from.id, t.to.id)}
              tabIndex={0}
              data-testid="directed-row"
              data-track-id={other.id}
              onKeyDown={(event) => onKeyDown(event, index, other.id)}
              aria-label={`${trackLabel(other)}: ${plural(t.weight, 'set')}, ${plural(t.djs, 'DJ')}`}
            >
              <button type="button" className="link" tabIndex={-1} onClick={() => dispatch({ type: 'centre', trackId: other.id })}>
                {trackLabel(other)}
              </button>
              <span className="directed-meta">
                <span data-testid="directed-weight">{plural(t.weight, 'set')}</span> ·{' '}
                <span data-testid="directed-djs">{plural(t.djs, 'DJ')}</span> · {seenText(t.firstSeen, t.lastSeen)}
                <button
                  type="button"
                  className="link small"
                  tabIndex={-1}
                  onClick={() => dispatch({ type: 'selectEdge', edgeId: edgeIdOf(t.from.id, t.to.id) })}
                >
                  sets
                </button>
                <button
                  type="button"
                  className="link small"
                  tabIndex={-1}
                  title="Add to the set"
                  aria-label={`Add ${trackLabel(other)} to the set`}
                  onClick={() => dispatch({ type: 'set', action: { type: 'add', trackId: other.id } })}
                >
                  +set
                </button>
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function seenText(first: string | null | undefined, last: string | null | undefined): string {
  if (!first && !last) return 'dates unknown';
  const [a, b] = [first?.slice(0, 10) ?? '?', last?.slice(0, 10) ?? '?'];
  return a === b ? a : `${a} – ${b}`;
}
