import { useEffect, useState } from 'react';
import { useClient, useMutation, useQuery } from 'urql';
import {
  ImportTracklistDocument,
  PreviewTracklistDocument,
  TracklistImportDocument,
  ViewerDocument,
  type PreviewTracklistQuery,
} from '../generated/graphql';
import { parseDate } from '../state/url-state';
import { MISSING } from './track-text';

type Preview = PreviewTracklistQuery['previewTracklist'];
const FINISHED = new Set(['DONE', 'REFUSED', 'FAILED']);

/**
 * Paste a tracklist (issue 13): the text goes through the free-text reader on the server (previewTracklist) and
 * its rows are shown as parsed before anything is saved; "Save" imports it (importTracklist, admin token) and the
 * import's status is followed until a crawl worker has stored it.
 */
export function PastePage() {
  const client = useClient();
  const [text, setText] = useState('');
  const [djs, setDjs] = useState('');
  const [date, setDate] = useState('');
  const [title, setTitle] = useState('');
  const [sourceUrl, setSourceUrl] = useState('');
  const [preview, setPreview] = useState<{ text: string; result: Preview } | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [viewer] = useQuery({ query: ViewerDocument });
  const [saved, importTracklist] = useMutation(ImportTracklistDocument);
  const importId = saved.data?.importTracklist.id ?? null;
  const [status, refetchStatus] = useQuery({
    query: TracklistImportDocument,
    variables: { id: importId ?? '' },
    pause: importId === null,
    requestPolicy: 'network-only',
  });
  const current = status.data?.tracklistImport ?? saved.data?.importTracklist ?? null;
  useEffect(() => {
    if (!current || FINISHED.has(current.status)) return;
    const timer = setTimeout(() => refetchStatus({ requestPolicy: 'network-only' }), 1500);
    return () => clearTimeout(timer);
  }, [current, refetchStatus]);

  const djList = djs
    .split(',')
    .map((dj) => dj.trim())
    .filter((dj) => dj !== '');
  const dateProblem = date.trim() !== '' && parseDate(date) === null ? 'The date is written YYYY-MM-DD.' : null;
  const previewed = preview !== null && preview.text === text && preview.result.found;
  const canSave = previewed && djList.length > 0 && dateProblem === null && viewer.data?.viewer.admin === true && !saved.fetching;

  const runPreview = async () => {
    setPreviewError(null);
    const result = await client.query(PreviewTracklistDocument, { text }, { requestPolicy: 'network-only' }).toPromise();
    if (result.error) setPreviewError(result.error.graphQLErrors[0]?.message ?? result.error.message);
    else if (result.data) setPreview({ text, result: result.data.previewTracklist });
  };

  return (
    <div className="front-page paste-page" data-testid="paste-page">
      <section className="panel">
        <h2>Paste a tracklist</h2>
        <p className="hint">
          A tracklist copied from anywhere (a SoundCloud description, a forum post, a CUE sheet): the rows are read as the crawler reads
          them, shown below, and saved only when you say so.
        </p>
        <label className="field">
          <span>Tracklist</span>
          <textarea rows={10} value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        <div className="paste-fields">
          <label className="field">
            <span>
              DJs <small>(comma-separated)</small>
            </span>
            <input value={djs} onChange={(e) => setDjs(e.target.value)} />
          </label>
          <label className="field">
            <span>
              Date <small>(YYYY-MM-DD)</small>
            </span>
            <input value={date} onChange={(e) => setDate(e.target.value)} />
          </label>
          <label className="field">
            <span>Title</span>
            <input value={title} onChange={(e) => setTitle(e.target.value)} />
          </label>
          <label className="field">
            <span>Source URL</span>
            <input value={sourceUrl} onChange={(e) => setSourceUrl(e.target.value)} />
          </label>
        </div>
        {dateProblem && <p className="error">{dateProblem}</p>}
        <div className="button-row">
          <button type="button" disabled={text.trim() === ''} onClick={() => void runPreview()}>
            Preview
          </button>
          <button
            type="button"
            disabled={!canSave}
            onClick={() =>
              void importTracklist({
                text,
                djs: djList,
                date: date.trim() || null,
                title: title.trim() || null,
                sourceUrl: sourceUrl.trim() || null,
              })
            }
          >
            Save
          </button>
        </div>
        {viewer.data && !viewer.data.viewer.admin && (
          <p className="hint">
            Saving needs the admin token (the link <code>npm start</code> prints); the preview does not.
          </p>
        )}
        {previewError && <p className="error">{previewError}</p>}
        {saved.error && <p className="error">{saved.error.graphQLErrors[0]?.message ?? saved.error.message}</p>}
        {current && (
          <p data-testid="import-status">
            Import {current.id}: <strong>{current.status.toLowerCase()}</strong>
            {current.reason && ` — ${current.reason}`}
            {current.rows !== null && current.rows !== undefined && ` · ${current.rows} rows`}
            {current.setlistUrl && (
              <>
                {' '}
                · <a href={current.setlistUrl}>the setlist</a>
              </>
            )}
          </p>
        )}
      </section>
      {preview && (
        <section className="panel" data-testid="paste-preview">
          <h2>
            As read {preview.result.found ? `(lines ${(preview.result.firstLine ?? 0) + 1}–${(preview.result.lastLine ?? 0) + 1})` : ''}
          </h2>
          {!preview.result.found && <p className="error">No tracklist found in this text.</p>}
          {preview.result.warnings.map((warning) => (
            <p key={warning} className="hint">
              {warning}
            </p>
          ))}
          {preview.result.parts.map((part, p) => (
            <table key={p} className="data-table">
              {part.name && <caption>{part.name}</caption>}
              <thead>
                <tr>
                  <th>#</th>
                  <th>cue</th>
                  <th>artist</th>
                  <th>title</th>
                  <th>version</th>
                  <th>label</th>
                  <th>notes</th>
                </tr>
              </thead>
              <tbody>
                {part.rows.map((row, i) => (
                  <tr key={i} data-testid="preview-row" title={row.raw}>
                    <td>{i + 1}</td>
                    <td>{row.cue ?? ''}</td>
                    <td>{row.unidentified ? 'ID' : (row.artist ?? MISSING)}</td>
                    <td>{row.unidentified ? 'ID' : (row.title ?? MISSING)}</td>
                    <td>{row.version ?? ''}</td>
                    <td>{row.label ?? ''}</td>
                    <td className="muted">
                      {[row.layered ? 'played over the row before' : '', ...row.warnings].filter(Boolean).join('; ')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
        </section>
      )}
    </div>
  );
}
