import { useEffect, useId, useState } from 'react';
import { useQuery } from 'urql';
import { DateRangeDocument, DjsDocument, LensDjNamesDocument } from '../generated/graphql';
import type { UiAction } from '../state/ui-reducer';
import type { Lens } from '../state/url-state';
import { plural } from './track-text';

/** Slider moves settle this long before the view reloads. */
const ERA_DEBOUNCE_MS = 300;

interface LensPanelProps {
  lens: Lens;
  dispatch: (action: UiAction) => void;
}

/**
 * The lens: count only some DJs' setlists and/or an era. The neighbourhood, the directed lists, the transition's
 * setlists and the path finder all follow it; it lives in the URL (djs, from, to), so it survives a reload.
 */
export function LensPanel({ lens, dispatch }: LensPanelProps) {
  const active = lens.djIds.length > 0 || lens.from !== null || lens.to !== null;
  return (
    <section className="panel" aria-labelledby="lens-title" data-testid="lens-panel">
      <h2 id="lens-title">
        Lens{' '}
        {active && (
          <span className="connection connected" data-testid="lens-active">
            on
          </span>
        )}
      </h2>
      <DjPicker lens={lens} dispatch={dispatch} />
      <EraSlider lens={lens} dispatch={dispatch} />
      {active && (
        <button type="button" onClick={() => dispatch({ type: 'setLens', lens: { djIds: [], from: null, to: null } })}>
          Clear the lens
        </button>
      )}
    </section>
  );
}

function DjPicker({ lens, dispatch }: LensPanelProps) {
  const inputId = useId();
  const [text, setText] = useState('');
  const [names, setNames] = useState<Record<string, string>>({});
  const [query, setQuery] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), 180);
    return () => clearTimeout(timer);
  }, [text]);
  const [result] = useQuery({ query: DjsDocument, variables: { query: query === '' ? null : query, first: 8 } });
  const djs = (result.data?.djs.edges ?? []).map((edge) => edge.node);
  // Names of DJs chosen earlier (a shared link or a reload brings only ids): asked for by id, and whatever list
  // answered last knows them too.
  const unnamed = lens.djIds.filter((id) => names[id] === undefined);
  const [named] = useQuery({ query: LensDjNamesDocument, variables: { ids: unnamed }, pause: unnamed.length === 0 });
  useEffect(() => {
    const found = [...djs, ...(named.data?.djs.edges ?? []).map((edge) => edge.node)];
    if (found.length > 0) setNames((known) => ({ ...known, ...Object.fromEntries(found.map((dj) => [dj.id, dj.name])) }));
  }, [result.data, named.data]);
  return (
    <div className="field">
      <label htmlFor={inputId}>
        DJs <small>(only their setlists count)</small>
      </label>
      {lens.djIds.length > 0 && (
        <ul className="chips" data-testid="lens-djs">
          {lens.djIds.map((id) => (
            <li key={id}>
              {names[id] ?? `DJ ${id}`}
              <button
                type="button"
                className="link"
                aria-label={`Remove ${names[id] ?? `DJ ${id}`} from the lens`}
                onClick={() => dispatch({ type: 'setLens', lens: { djIds: lens.djIds.filter((d) => d !== id) } })}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input id={inputId} type="search" placeholder="Find a DJ…" value={text} onChange={(event) => setText(event.target.value)} />
      <ul className="dj-options" aria-label="DJs to add">
        {djs
          .filter((dj) => !lens.djIds.includes(dj.id))
          .slice(0, 6)
          .map((dj) => (
            <li key={dj.id}>
              <button
                type="button"
                className="link"
                onClick={() => {
                  dispatch({ type: 'setLens', lens: { djIds: [...lens.djIds, dj.id] } });
                  setText('');
                }}
              >
                {dj.name}
              </button>
              <span className="muted small"> {plural(dj.setlists, 'set')}</span>
            </li>
          ))}
      </ul>
    </div>
  );
}

function EraSlider({ lens, dispatch }: LensPanelProps) {
  const [result] = useQuery({ query: DateRangeDocument });
  const range = result.data?.dateRange;
  const minYear = range?.from ? Number(range.from.slice(0, 4)) : null;
  const maxYear = range?.to ? Number(range.to.slice(0, 4)) : null;
  const lensFrom = lens.from ? Number(lens.from.slice(0, 4)) : minYear;
  const lensTo = lens.to ? Number(lens.to.slice(0, 4)) : maxYear;
  const [years, setYears] = useState<[number | null, number | null]>([lensFrom, lensTo]);
  useEffect(() => setYears([lensFrom, lensTo]), [lensFrom, lensTo]);
  useEffect(() => {
    const [from, to] = years;
    if (minYear === null || maxYear === null || from === null || to === null) return;
    if (from === lensFrom && to === lensTo) return;
    const timer = setTimeout(() => {
      dispatch({
        type: 'setLens',
        lens: { from: from <= minYear ? null : `${from}-01-01`, to: to >= maxYear ? null : `${to}-12-31` },
      });
    }, ERA_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [years]);
  if (minYear === null || maxYear === null) return <p className="hint">No dated setlists: no era to choose.</p>;
  const [from, to] = [years[0] ?? minYear, years[1] ?? maxYear];
  return (
    <fieldset className="field era">
      <legend>
        Era <small data-testid="lens-era">{from === to ? from : `${from} – ${to}`}</small>
      </legend>
      <label className="era-row">
        <span>From</span>
        <input
          type="range"
          aria-label="From year"
          min={minYear}
          max={maxYear}
          value={from}
          onChange={(event) => {
            const y = Number(event.target.value);
            setYears([y, Math.max(y, to)]);
          }}
        />
      </label>
      <label className="era-row">
        <span>To</span>
        <input
          type="range"
          aria-label="To year"
          min={minYear}
          max={maxYear}
          value={to}
          onChange={(event) => {
            const y = Number(event.target.value);
            setYears([Math.min(y, from), y]);
          }}
        />
      </label>
    </fieldset>
  );
}
