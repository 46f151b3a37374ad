import { isValidArtistCredit } from '@songnodes/contracts';
import { useEffect, useState } from 'react';
import { useClient, useMutation, useQuery, useSubscription } from 'urql';
import {
  AnyGraphChangeDocument,
  CrawlProgressDocument,
  FindTrackDocument,
  RequestTrackDocument,
  ViewerDocument,
} from '../generated/graphql';
import type { UiAction } from '../state/ui-reducer';
import { trackLabel } from './track-text';

/** Progress events kept on screen. */
const PROGRESS_KEPT = 30;

interface RequestTrackProps {
  initial: { artist: string; title: string };
  dispatch: (action: UiAction) => void;
}

interface ProgressLine {
  at: string;
  source: string;
  event: string;
  detail: string;
}

/**
 * "Find sets with this track": asks the API to crawl for a track (requestTrack), shows the crawl as it happens
 * (crawlProgress: searches, setlists stored or refused with the reason, a source paused) and, once the sync has
 * landed new transitions (graphChanged), looks the track up again and offers — and opens — its neighbourhood.
 */
export function RequestTrack({ initial, dispatch }: RequestTrackProps) {
  const [artist, setArtist] = useState(initial.artist);
  const [title, setTitle] = useState(initial.title);
  const [viewer] = useQuery({ query: ViewerDocument });
  const [request, requestTrack] = useMutation(RequestTrackDocument);
  const [progress, setProgress] = useState<ProgressLine[]>([]);
  const [found, setFound] = useState<{ id: string; label: string } | null>(null);
  const client = useClient();
  const asked = request.data?.requestTrack ?? null;
  const canAsk = viewer.data?.viewer.admin === true || viewer.data?.viewer.anonymousRequests === true;
  const problem =
    artist.trim() === '' || title.trim() === ''
      ? 'Give both the artist and the title.'
      : !isValidArtistCredit(artist.trim())
        ? 'That is not an artist name the crawler accepts.'
        : null;

  useSubscription({ query: CrawlProgressDocument, pause: asked === null }, (_, data) => {
    const p = data.crawlProgress;
    setProgress((lines) =>
      [{ at: p.at, source: p.source, event: p.event, detail: progressDetail(p.detail) }, ...lines].slice(0, PROGRESS_KEPT),
    );
    return data;
  });
  const [change] = useSubscription({ query: AnyGraphChangeDocument, pause: asked === null || found !== null });
  useEffect(() => {
    if (!asked || found || !change.data) return;
    let cancelled = false;
    void client
      .query(FindTrackDocument, { query: `${asked.artist} ${asked.title}` }, { requestPolicy: 'network-only' })
      .toPromise()
      .then((result) => {
        const match = result.data?.searchTracks.edges
          .map((e) => e.node)
          .find((t) => sameText(t.artistCredit, asked.artist) && sameText(t.title, asked.title));
        if (!cancelled && match) {
          setFound({ id: match.id, label: trackLabel(match) });
          dispatch({ type: 'centre', trackId: match.id });
        }
      });
    return () => {
      cancelled = true;
    };
  }, [change.data, asked, found, client, dispatch]);

  return (
    <section className="panel request" aria-labelledby="request-title" data-testid="request-track">
      <h2 id="request-title">
        Find sets with this track
        <button type="button" className="link close" aria-label="Close" onClick={() => dispatch({ type: 'closeRequest' })}>
          ×
        </button>
      </h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!problem) void requestTrack({ artist: artist.trim(), title: title.trim() });
        }}
      >
        <label className="field">
          <span>Artist</span>
          <input value={artist} onChange={(e) => setArtist(e.target.value)} />
        </label>
        <label className="field">
          <span>Title</span>
          <input value={title} onChange={(e) => setTitle(e.target.value)} />
        </label>
        {problem && <p className="hint">{problem}</p>}
        {viewer.data && !canAsk && (
          <p className="hint">
            This server takes requests only with the admin token (open the link <code>npm start</code> prints).
          </p>
        )}
        <button type="submit" disabled={problem !== null || !canAsk || request.fetching}>
          Find sets
        </button>
      </form>
      {request.error && <p className="error">{request.error.graphQLErrors[0]?.message ?? request.error.message}</p>}
      {asked && (
        <div data-testid="request-status">
          <p>
            {asked.status === 'PENDING'
              ? 'Queued: an admin approves it before the crawl starts.'
              : `Crawling for it on ${asked.targets.map((t) => t.source).join(', ') || 'every source'}; new sets appear here as they are stored.`}
          </p>
          {found ? (
            <p>
              In the graph now:{' '}
              <button type="button" className="link" onClick={() => dispatch({ type: 'centre', trackId: found.id })}>
                {found.label}
              </button>
            </p>
          ) : (
            <p className="hint">Waiting for the crawl and the sync…</p>
          )}
          <ol className="live-list" data-testid="crawl-progress">
            {progress.map((line, i) => (
              <li key={`${line.at}-${i}`}>
                <span>
                  {line.source}: {line.event.replace(/_/g, ' ')}
                  {line.detail && <span className="muted"> {line.detail}</span>}
                </span>
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}

function sameText(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** A few readable fields of a progress event's JSON detail (title, reason, counts), never the raw blob. */
function progressDetail(detail: string | null | undefined): string {
  if (!detail) return '';
  try {
    const value = JSON.parse(detail) as Record<string, unknown>;
    return ['title', 'url', 'reason', 'results', 'setlists', 'rows', 'status']
      .filter((key) => value[key] !== undefined && value[key] !== null)
      .map((key) => `${key}: ${String(value[key])}`)
      .join(' · ');
  } catch {
    return detail.slice(0, 120);
  }
}
