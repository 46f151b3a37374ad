import { useCallback, useMemo, useReducer, useRef } from 'react';
import type { ApiClient } from '../api/create-api-client';
import { useKeyboardShortcuts } from '../hooks/use-keyboard-shortcuts';
import { useLiveUpdates } from '../hooks/use-live-updates';
import { useNeighbourhoods } from '../hooks/use-neighbourhoods';
import { usePath } from '../hooks/use-path';
import { useStoreSummary } from '../hooks/use-store-summary';
import { useUrlSync } from '../hooks/use-url-sync';
import type { GraphStore } from '../model/graph-store';
import type { RenderView } from '../render/graph-renderer';
import { INITIAL_UI_STATE, uiReducer, type UiState } from '../state/ui-reducer';
import { parseUrlState } from '../state/url-state';
import { DetailsPanel } from './DetailsPanel';
import { FiltersPanel } from './FiltersPanel';
import { CrawlPage } from './CrawlPage';
import { FrontPage } from './FrontPage';
import { LensContext } from './lens-context';
import { LensPanel } from './LensPanel';
import { GraphView, type GraphViewHandle } from './GraphView';
import { KeyboardHelp } from './KeyboardHelp';
import { LiveFeed } from './LiveFeed';
import { PastePage } from './PastePage';
import { PathFinder } from './PathFinder';
import { RequestTrack } from './RequestTrack';
import { SearchBox } from './SearchBox';
import { SetBuilder } from './SetBuilder';
import { ViewExport } from './ViewExport';

function initialState(): UiState {
  return { ...INITIAL_UI_STATE, ...parseUrlState(window.location.search) };
}

/** The explorer: search on top, filters/path/live on the left, the graph, details on the right. */
export function App({ api, store }: { api: ApiClient; store: GraphStore }) {
  const [state, dispatch] = useReducer(uiReducer, undefined, initialState);
  const graph = useRef<GraphViewHandle>(null);
  const search = useRef<HTMLInputElement>(null);
  useUrlSync(state, dispatch);
  const summary = useStoreSummary(store);
  const neighbourhoods = useNeighbourhoods(api.client, store, state, dispatch);
  const path = usePath(api.client, store, state.path, neighbourhoods.generation, state.lens);
  const watching = useLiveUpdates(api.client, store, state, summary.structureVersion, dispatch);

  const expandSelection = useCallback(() => {
    for (const trackId of state.selectedIds) dispatch({ type: 'expand', trackId });
  }, [state.selectedIds]);
  useKeyboardShortcuts({
    toggleHelp: () => dispatch({ type: 'toggleHelp' }),
    escape: () => dispatch({ type: 'escape' }),
    expandSelection,
    focusSearch: () => search.current?.focus(),
    zoom: (factor) => graph.current?.zoom(factor),
    pan: (dx, dy) => graph.current?.pan(dx, dy),
    fit: () => graph.current?.fit(),
    selectAll: () => dispatch({ type: 'selectMany', trackIds: store.nodeIds() }),
    toggleLayout: () => dispatch({ type: 'toggleLayout' }),
    toggleDebug: () => dispatch({ type: 'toggleDebug' }),
  });

  const selectedIds = useMemo(() => new Set(state.selectedIds), [state.selectedIds]);
  const view = useMemo<RenderView>(
    () => ({
      centreId: state.centreId,
      selectedIds,
      selectedEdgeId: state.selectedEdgeId,
      pathNodeIds: path.nodeIds,
      pathEdgeIds: path.edgeIds,
      minWeight: state.filters.minWeight,
    }),
    [state.centreId, selectedIds, state.selectedEdgeId, path.nodeIds, path.edgeIds, state.filters.minWeight],
  );

  const showFrontPage = state.page === 'explore' && state.centreId === null;
  return (
    <LensContext.Provider value={state.lens}>
      <div className="app">
        <header className="app-header">
          <h1 className="brand">
            <a
              href="/"
              className="home-link"
              onClick={(event) => {
                event.preventDefault();
                dispatch({ type: 'home' });
              }}
            >
              SongNodes
            </a>{' '}
            <span className="tagline">what DJs play right before and after a track</span>
          </h1>
          <SearchBox
            inputRef={search}
            onChoose={(trackId) => dispatch({ type: 'centre', trackId })}
            onRequest={(artist, title) => dispatch({ type: 'openRequest', artist, title })}
          />
          <nav className="pages" aria-label="Pages">
            <button type="button" className="link" onClick={() => dispatch({ type: 'home' })}>
              Explore
            </button>
            <button type="button" className="link" onClick={() => dispatch({ type: 'openPage', page: 'crawl' })}>
              Crawl
            </button>
            <button type="button" className="link" onClick={() => dispatch({ type: 'openPage', page: 'paste' })}>
              Paste a tracklist
            </button>
          </nav>
          <button type="button" className="help-button" onClick={() => dispatch({ type: 'toggleHelp' })} aria-keyshortcuts="?">
            Keys <kbd>?</kbd>
          </button>
        </header>
        <div className="layout">
          <aside className="sidebar" aria-label="Filters, path finder and live updates">
            <FiltersPanel filters={state.filters} dispatch={dispatch} />
            <LensPanel lens={state.lens} dispatch={dispatch} />
            <PathFinder ends={state.path} selectedIds={state.selectedIds} path={path} store={store} dispatch={dispatch} />
            <SetBuilder setIds={state.setIds} dispatch={dispatch} />
            {state.centreId !== null && (
              <ViewExport store={store} minWeight={state.filters.minWeight} toPngDataUrl={() => graph.current?.toPngDataUrl() ?? null} />
            )}
            <LiveFeed api={api} watching={watching} changes={state.liveChanges} store={store} dispatch={dispatch} />
          </aside>
          <main className="graph-area">
            <GraphView
              ref={graph}
              store={store}
              view={view}
              summary={summary}
              status={neighbourhoods}
              hasCentre={state.centreId !== null}
              layoutPaused={state.layoutPaused}
              debugOpen={state.debugOpen}
              dispatch={dispatch}
            />
            {showFrontPage && <FrontPage dispatch={dispatch} />}
            {state.page === 'crawl' && <CrawlPage />}
            {state.page === 'paste' && <PastePage />}
          </main>
          <aside className="sidebar details" aria-label="Details">
            {state.request && (
              <RequestTrack key={`${state.request.artist}|${state.request.title}`} initial={state.request} dispatch={dispatch} />
            )}
            <DetailsPanel state={state} store={store} dispatch={dispatch} />
          </aside>
        </div>
        {state.helpOpen && <KeyboardHelp onClose={() => dispatch({ type: 'toggleHelp' })} />}
      </div>
    </LensContext.Provider>
  );
}
