import { useContext, useState } from 'react';
import { setToCsv, setToM3u8, setToRekordboxXml } from '../export/set-export';
import { useSetData } from '../hooks/use-set-data';
import { setSteps } from '../state/set-builder';
import type { UiAction } from '../state/ui-reducer';
import { EMPTY_URL_STATE, formatUrlState } from '../state/url-state';
import { downloadText, fileSlug } from './download';
import { LensContext } from './lens-context';
import { plural, trackLabel } from './track-text';

interface SetBuilderProps {
  setIds: readonly string[];
  dispatch: (action: UiAction) => void;
}

/**
 * Take a set away: the tracks chained so far (from the lists, the path finder or the graph), how many sets and
 * DJs played each step (under the lens), reorder and remove, export as M3U8 / CSV / rekordbox XML, share as a URL.
 */
export function SetBuilder({ setIds, dispatch }: SetBuilderProps) {
  const lens = useContext(LensContext);
  const [name, setName] = useState('SongNodes set');
  const data = useSetData(setIds, lens);
  const steps = setSteps(setIds, data.tracks, data.transitions);
  const ready = !data.loading && steps.length === setIds.length && setIds.length > 0;
  const shareUrl = `${window.location.origin}/${formatUrlState({ ...EMPTY_URL_STATE, setIds: [...setIds] })}`;
  const slug = fileSlug(name);
  const move = (from: number, to: number) => dispatch({ type: 'set', action: { type: 'move', from, to } });

  return (
    <section className="panel" aria-labelledby="set-title" data-testid="set-builder">
      <h2 id="set-title">Set {setIds.length > 0 && <span className="muted small">{plural(setIds.length, 'track')}</span>}</h2>
      {setIds.length === 0 ? (
        <p className="hint">Add tracks with "+set" in the lists, "Add to set" on a track, or the path finder's "Add path to set".</p>
      ) : (
        <>
          <label className="field">
            <span>Name</span>
            <input value={name} onChange={(event) => setName(event.target.value)} />
          </label>
          <ol className="set-list" data-testid="set-list">
            {setIds.map((id, index) => {
              const step = steps.find((s) => s.track.id === id);
              return (
                <li key={id} data-track-id={id} data-testid="set-row">
                  {index > 0 && (
                    <span className="set-step" data-testid="set-step">
                      {data.loading
                        ? '…'
                        : step?.weight
                          ? `↓ ${plural(step.weight, 'set')} · ${plural(step.djs ?? 0, 'DJ')}`
                          : '↓ no DJ played this transition'}
                    </span>
                  )}
                  <span className="set-track">
                    <button type="button" className="link" onClick={() => dispatch({ type: 'centre', trackId: id })}>
                      {step ? trackLabel(step.track) : `track ${id}`}
                    </button>
                    <span className="set-buttons">
                      <button type="button" aria-label="Move up" disabled={index === 0} onClick={() => move(index, index - 1)}>
                        ↑
                      </button>
                      <button
                        type="button"
                        aria-label="Move down"
                        disabled={index === setIds.length - 1}
                        onClick={() => move(index, index + 1)}
                      >
                        ↓
                      </button>
                      <button
                        type="button"
                        aria-label="Remove from the set"
                        onClick={() => dispatch({ type: 'set', action: { type: 'remove', index } })}
                      >
                        ×
                      </button>
                    </span>
                  </span>
                </li>
              );
            })}
          </ol>
          {data.error && <p className="error">Could not load the set: {data.error}</p>}
          <div className="button-row">
            <button
              type="button"
              disabled={!ready}
              onClick={() => downloadText(`${slug}.m3u8`, 'audio/x-mpegurl', setToM3u8(name, steps, window.location.origin))}
            >
              M3U8
            </button>
            <button type="button" disabled={!ready} onClick={() => downloadText(`${slug}.csv`, 'text/csv', setToCsv(steps))}>
              CSV
            </button>
            <button
              type="button"
              disabled={!ready}
              onClick={() => downloadText(`${slug}.xml`, 'application/xml', setToRekordboxXml(name, steps))}
            >
              rekordbox XML
            </button>
            <button type="button" onClick={() => dispatch({ type: 'set', action: { type: 'clear' } })}>
              Clear
            </button>
          </div>
          <label className="field">
            <span>Share</span>
            <input readOnly value={shareUrl} data-testid="set-share" onFocus={(event) => event.target.select()} />
          </label>
        </>
      )}
    </section>
  );
}
