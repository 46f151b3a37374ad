import { useEffect, useState } from 'react';
import type { ApiClient, LiveConnection } from '../api/create-api-client';
import type { GraphStore } from '../model/graph-store';
import { parseEdgeId } from '../model/graph-types';
import type { LiveChange, UiAction } from '../state/ui-reducer';
import { TrackName } from './TrackName';
import { plural } from './track-text';

const CONNECTION_TEXT: Record<LiveConnection, string> = {
  idle: 'waiting for a view',
  connecting: 'connecting…',
  connected: 'live',
  closed: 'offline (reconnects by itself)',
};

interface LiveFeedProps {
  api: ApiClient;
  /** tracks the subscription watches */
  watching: number;
  changes: LiveChange[];
  store: GraphStore;
  dispatch: (action: UiAction) => void;
}

/** Always on screen: whether live updates flow, and the transitions that just appeared or changed. */
export function LiveFeed({ api, watching, changes, store, dispatch }: LiveFeedProps) {
  const [connection, setConnection] = useState(api.connection());
  useEffect(() => api.onConnection(setConnection), [api]);
  return (
    <section className="panel" aria-labelledby="live-title">
      <h2 id="live-title">
        Live{' '}
        <span className={`connection ${connection}`} data-testid="live-connection">
          {CONNECTION_TEXT[connection]}
        </span>
      </h2>
      <p className="hint" data-testid="live-watching">
        {connection === 'connected' ? `watching ${plural(watching, 'track')} for new setlists` : 'live updates start with the first view'}
      </p>
      {changes.length === 0 ? (
        <p className="hint">New setlists show up here, and flash in the graph, as soon as the sync brings them in.</p>
      ) : (
        <ul className="live-list" data-testid="live-changes">
          {changes.map((change) => {
            const ends = parseEdgeId(change.edgeId);
            const edge = store.getEdge(change.edgeId);
            return (
              <li key={`${change.edgeId}-${change.at}`}>
                <button type="button" className="link" onClick={() => dispatch({ type: 'selectEdge', edgeId: change.edgeId })}>
                  <span className={`badge ${change.kind}`}>{change.kind === 'added' ? 'new' : 'changed'}</span>
                  {ends ? (
                    <>
                      <TrackName id={ends.from} store={store} /> → <TrackName id={ends.to} store={store} />
                    </>
                  ) : (
                    change.edgeId
                  )}
                  {edge && <span className="muted"> · weight {edge.weight}</span>}
                </button>
                <time className="muted" dateTime={new Date(change.at).toISOString()}>
                  {new Date(change.at).toLocaleTimeString()}
                </time>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
