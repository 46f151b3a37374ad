import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { CrawlPageDocument, PauseSourceDocument, RequestCrawlDocument, ResumeSourceDocument, ViewerDocument } from '../generated/graphql';
import { dateTimeText } from './track-text';

const TARGETS_PAGE = 25;

/**
 * Targets and crawls: every target search with its status, last/next search, results and setlists found and last
 * error; each source's pause (why, until when), requests today and due targets; the latest crawl runs. With the
 * admin token: search a target now (also a retry of a failed one), pause and resume a source.
 */
export function CrawlPage() {
  const [status, setStatus] = useState('');
  const [after, setAfter] = useState<string[]>([]);
  const cursor = after.length > 0 ? after[after.length - 1]! : null;
  const [result, refetch] = useQuery({
    query: CrawlPageDocument,
    variables: { first: TARGETS_PAGE, after: cursor, status: status === '' ? null : status },
    requestPolicy: 'cache-and-network',
  });
  const [viewer] = useQuery({ query: ViewerDocument });
  const admin = viewer.data?.viewer.admin === true;
  const [crawl, requestCrawl] = useMutation(RequestCrawlDocument);
  const [pause, pauseSource] = useMutation(PauseSourceDocument);
  const [resume, resumeSource] = useMutation(ResumeSourceDocument);
  const mutationError = crawl.error ?? pause.error ?? resume.error;
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const data = result.data;

  return (
    <div className="front-page crawl-page" data-testid="crawl-page">
      <section className="panel">
        <h2>Sources</h2>
        {!admin && (
          <p className="hint">
            Read-only: pausing sources and searching targets now needs the admin token (the link <code>npm start</code> prints).
          </p>
        )}
        {mutationError && <p className="error">{mutationError.graphQLErrors[0]?.message ?? mutationError.message}</p>}
        <table className="data-table" data-testid="sources">
          <thead>
            <tr>
              <th>source</th>
              <th>state</th>
              <th>requests today</th>
              <th>due targets</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {data?.sources.map((source) => (
              <tr key={source.name}>
                <td>{source.name}</td>
                <td>
                  {source.paused ? (
                    <span className="error">
                      paused until {dateTimeText(source.pausedUntil)}
                      {source.pauseReason ? `: ${source.pauseReason}` : ''}
                    </span>
                  ) : (
                    'running'
                  )}
                </td>
                <td>
                  {source.requestsToday}
                  {source.dailyCap !== null && source.dailyCap !== undefined ? ` / ${source.dailyCap}` : ''}
                </td>
                <td>{source.dueTargets}</td>
                <td>
                  {source.paused ? (
                    <button type="button" disabled={!admin} onClick={() => void resumeSource({ source: source.name }).then(reload)}>
                      Resume
                    </button>
                  ) : (
                    <button
                      type="button"
                      disabled={!admin}
                      onClick={() =>
                        void pauseSource({ source: source.name, minutes: 60, reason: 'paused from the explorer' }).then(reload)
                      }
                    >
                      Pause 1 h
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="panel">
        <h2>
          Targets {data && <span className="muted small">{data.targets.totalCount}</span>}
          <select
            aria-label="Target status"
            value={status}
            onChange={(event) => {
              setStatus(event.target.value);
              setAfter([]);
            }}
          >
            <option value="">any status</option>
            {['pending', 'done', 'failed', 'blocked'].map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </h2>
        {result.error && <p className="error">Could not load the crawl: {result.error.message}</p>}
        <table className="data-table" data-testid="targets">
          <thead>
            <tr>
              <th>track</th>
              <th>source</th>
              <th>status</th>
              <th>last search</th>
              <th>next</th>
              <th>results</th>
              <th>sets</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {data?.targets.edges.map(({ node: t }) => (
              <tr key={t.id}>
                <td>
                  {t.artist} — {t.title}
                  {t.lastError && <div className="error small">{t.lastError}</div>}
                </td>
                <td>{t.source}</td>
                <td>{t.status}</td>
                <td>{dateTimeText(t.lastSearchedAt)}</td>
                <td>{dateTimeText(t.nextSearchAfter)}</td>
                <td>{t.resultsFound}</td>
                <td>{t.setlistsFound}</td>
                <td>
                  <button type="button" disabled={!admin} onClick={() => void requestCrawl({ targetId: t.id }).then(reload)}>
                    {t.status === 'failed' || t.status === 'blocked' ? 'Retry' : 'Search now'}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="button-row">
          {after.length > 0 && (
            <button type="button" onClick={() => setAfter((a) => a.slice(0, -1))}>
              Previous
            </button>
          )}
          {data?.targets.pageInfo.hasNextPage && data.targets.pageInfo.endCursor && (
            <button type="button" onClick={() => setAfter((a) => [...a, data.targets.pageInfo.endCursor!])}>
              Next
            </button>
          )}
        </div>
      </section>
      <section className="panel">
        <h2>Crawl runs</h2>
        <table className="data-table" data-testid="crawl-runs">
          <thead>
            <tr>
              <th>started</th>
              <th>finished</th>
              <th>status</th>
              <th>worker</th>
              <th>command</th>
            </tr>
          </thead>
          <tbody>
            {data?.crawlRuns.edges.map(({ node: run }) => (
              <tr key={run.id}>
                <td>{dateTimeText(run.startedAt)}</td>
                <td>{run.finishedAt ? dateTimeText(run.finishedAt) : 'running'}</td>
                <td>{run.status}</td>
                <td>{run.worker}</td>
                <td>{run.command}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
