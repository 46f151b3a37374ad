/**
 * Mirrors the shareable view into the address bar and back: a new centre is a new history entry (Back returns
 * to the previous track), every other change replaces the current one; Back/Forward hydrate the UI state.
 */
import { useEffect, useRef } from 'react';
import { toUrlState, type UiAction, type UiState } from '../state/ui-reducer';
import { formatUrlState, parseUrlState } from '../state/url-state';

export function useUrlSync(state: UiState, dispatch: (action: UiAction) => void): void {
  const previousCentre = useRef(state.centreId);

  useEffect(() => {
    const search = formatUrlState(toUrlState(state));
    if (search === window.location.search) return;
    const url = `${window.location.pathname}${search}${window.location.hash}`;
    if (state.centreId !== previousCentre.current) window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
    previousCentre.current = state.centreId;
  }, [state]);

  useEffect(() => {
    const onPopState = () => {
      const next = parseUrlState(window.location.search);
      previousCentre.current = next.centreId;
      dispatch({ type: 'hydrate', state: next });
    };
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, [dispatch]);
}
