import type { UiAction } from '../state/ui-reducer';
import { MAX_DEPTH, type Direction, type Filters } from '../state/url-state';

const DIRECTIONS: { value: Direction; label: string }[] = [
  { value: 'BOTH', label: 'both' },
  { value: 'IN', label: 'played before' },
  { value: 'OUT', label: 'played after' },
];

/** Minimum weight, depth and direction: what the neighbourhood query asks for (and the view hides below). */
export function FiltersPanel({ filters, dispatch }: { filters: Filters; dispatch: (action: UiAction) => void }) {
  return (
    <section className="panel" aria-labelledby="filters-title">
      <h2 id="filters-title">Filters</h2>
      <label className="field">
        <span>
          Minimum weight <small>(setlists with the transition)</small>
        </span>
        <input
          type="number"
          min={1}
          max={100}
          value={filters.minWeight}
          onChange={(event) => {
            const minWeight = Number(event.target.value);
            if (Number.isInteger(minWeight) && minWeight >= 1) dispatch({ type: 'setFilters', filters: { minWeight } });
          }}
        />
      </label>
      <label className="field">
        <span>
          Depth <small>(hops around the centre)</small>
        </span>
        <select
          value={filters.depth}
          onChange={(event) => dispatch({ type: 'setFilters', filters: { depth: Number(event.target.value) } })}
        >
          {Array.from({ length: MAX_DEPTH }, (_, i) => i + 1).map((depth) => (
            <option key={depth} value={depth}>
              {depth}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="field">
        <legend>Direction from the centre</legend>
        <div className="segmented">
          {DIRECTIONS.map((option) => (
            <label key={option.value} className={filters.direction === option.value ? 'checked' : undefined}>
              <input
                type="radio"
                name="direction"
                value={option.value}
                checked={filters.direction === option.value}
                onChange={() => dispatch({ type: 'setFilters', filters: { direction: option.value } })}
              />
              {option.label}
            </label>
          ))}
        </div>
      </fieldset>
    </section>
  );
}
