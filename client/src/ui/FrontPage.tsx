import { useState } from 'react';
import { useQuery } from 'urql';
import { FrontPageDocument, TopTracksDocument, type TrackFieldsFragment } from '../generated/graphql';
import { edgeIdOf } from '../model/graph-types';
import type { UiAction } from '../state/ui-reducer';
import { dateTimeText, plural, trackLabel } from './track-text';

/** Most-played tracks per page (the API allows 1-50). */
export const TOP_TRACKS_PAGE = 15;

interface FrontPageProps {
  dispatch: (action: UiAction) => void;
}

/**
 * Before any search: what the graph holds, and where to start — the most-played tracks (cursor-paged), the
 * heaviest transitions, bridge tracks and communities. Every entry is one click from its neighbourhood.
 */
export function FrontPage({ dispatch }: FrontPageProps) {
  const [result] = useQuery({
    query: FrontPageDocument,
    variables: { tracks: TOP_TRACKS_PAGE, transitions: 10, bridges: 10, communities: 6 },
  });
  const [more, setMore] = useState<string[]>([]);
  const centre = (trackId: string) => dispatch({ type: 'centre', trackId });
  if (result.error)
    return (
      <div className="front-page">
        <p className="error">Could not load the front page: {result.error.message}</p>
      </div>
    );
  const data = result.data;
  if (!data)
    return (
      <div className="front-page">
        <p className="hint">Loading what the graph holds…</p>
      </div>
    );
  const { stats } = data;
  const firstPage = data.topTracks;
  const lastCursor = more.length > 0 ? more[more.length - 1]! : null;
  return (
    <div className="front-page" data-testid="front-page">
      <section className="panel" aria-labelledby="stats-title">
        <h2 id="stats-title">What the graph holds</h2>
        <dl className="stats" data-testid="stats">
          <div>
            <dt>tracks</dt>
            <dd>{stats.tracks.toLocaleString('en')}</dd>
          </div>
          <div>
            <dt>transitions</dt>
            <dd>{stats.transitions.toLocaleString('en')}</dd>
          </div>
          <div>
            <dt>setlists</dt>
            <dd>{stats.setlists.toLocaleString('en')}</dd>
          </div>
          <div>
            <dt>performances</dt>
            <dd>{stats.performances.toLocaleString('en')}</dd>
          </div>
          <div>
            <dt>DJs</dt>
            <dd>{stats.djs.toLocaleString('en')}</dd>
          </div>
          <div>
            <dt>sources</dt>
            <dd>{stats.sources.length === 0 ? 'none yet' : stats.sources.map((s) => `${s.source} ${s.setlists}`).join(', ')}</dd>
          </div>
        </dl>
        <p className="muted small">
          last crawl {dateTimeText(stats.lastCrawlAt)} · last import {dateTimeText(stats.lastImportAt)} · last sync{' '}
          {dateTimeText(stats.lastSyncAt)}
        </p>
      </section>
      <div className="front-columns">
        <section className="panel" aria-labelledby="top-tracks-title">
          <h2 id="top-tracks-title">Most played</h2>
          <ol className="front-list" data-testid="top-tracks">
            {firstPage.edges.map(({ node }) => (
              <TrackEntry key={node.id} track={node} onCentre={centre} />
            ))}
            {more.map((after) => (
              <TopTracksPage
                key={after}
                after={after}
                onCentre={centre}
                onMore={(cursor) => setMore((m) => [...m, cursor])}
                isLast={after === lastCursor}
              />
            ))}
          </ol>
          {more.length === 0 && firstPage.pageInfo.hasNextPage && firstPage.pageInfo.endCursor && (
            <button type="button" onClick={() => setMore([firstPage.pageInfo.endCursor!])}>
              More
            </button>
          )}
        </section>
        <section className="panel" aria-labelledby="top-transitions-title">
          <h2 id="top-transitions-title">Heaviest transitions</h2>
          <ol className="front-list" data-testid="top-transitions">
            {data.topTransitions.edges.map(({ node }) => (
              <li key={edgeIdOf(node.from.id, node.to.id)}>
                <button type="button" className="link" onClick={() => centre(node.from.id)}>
                  {trackLabel(node.from)}
                </button>
                <span className="muted"> → </span>
                <button type="button" className="link" onClick={() => centre(node.to.id)}>
                  {trackLabel(node.to)}
                </button>
                <span className="muted">
                  {' '}
                  {plural(node.weight, 'set')} · {plural(node.djs, 'DJ')}
                </span>
              </li>
            ))}
          </ol>
        </section>
        <section className="panel" aria-labelledby="bridges-title">
          <h2 id="bridges-title">
            Bridge tracks <small className="muted">(connect separate scenes)</small>
          </h2>
          {data.bridgeTracks.length === 0 ? (
            <p className="hint">None computed yet.</p>
          ) : (
            <ol className="front-list" data-testid="bridge-tracks">
              {data.bridgeTracks.map(({ track }) => (
                <TrackEntry key={track.id} track={track} onCentre={centre} />
              ))}
            </ol>
          )}
        </section>
        <section className="panel" aria-labelledby="communities-title">
          <h2 id="communities-title">Communities</h2>
          {data.communities.length === 0 ? (
            <p className="hint">None computed yet (the sync computes them after a change).</p>
          ) : (
            <ul className="front-list communities" data-testid="communities">
              {data.communities.map((community) => (
                <li key={community.id}>
                  <span className="muted">{plural(community.size, 'track')}:</span>{' '}
                  {community.topTracks.slice(0, 3).map((track, i) => (
                    <span key={track.id}>
                      {i > 0 && ', '}
                      <button type="button" className="link" onClick={() => centre(track.id)}>
                        {trackLabel(track)}
                      </button>
                    </span>
                  ))}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}

function TrackEntry({ track, onCentre }: { track: TrackFieldsFragment; onCentre(trackId: string): void }) {
  return (
    <li>
      <button type="button" className="link" data-track-id={track.id} onClick={() => onCentre(track.id)}>
        {trackLabel(track)}
      </button>
      <span className="muted"> {plural(track.plays, 'setlist')}</span>
    </li>
  );
}

function TopTracksPage({
  after,
  isLast,
  onCentre,
  onMore,
}: {
  after: string;
  isLast: boolean;
  onCentre(trackId: string): void;
  onMore(cursor: string): void;
}) {
  const [result] = useQuery({ query: TopTracksDocument, variables: { first: TOP_TRACKS_PAGE, after } });
  if (result.error) return <li className="error">Could not load more: {result.error.message}</li>;
  const page = result.data?.topTracks;
  if (!page) return <li className="hint">Loading…</li>;
  return (
    <>
      {page.edges.map(({ node }) => (
        <TrackEntry key={node.id} track={node} onCentre={onCentre} />
      ))}
      {isLast && page.pageInfo.hasNextPage && page.pageInfo.endCursor && (
        <li>
          <button type="button" onClick={() => onMore(page.pageInfo.endCursor!)}>
            More
          </button>
        </li>
      )}
    </>
  );
}
