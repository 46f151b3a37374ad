/**
 * The lens (DJs, era) for every query under it: panels read it from context instead of threading it through
 * every component. `useLensInput` gives the API's LensInput (null: no lens), stable while the lens is.
 */
import { createContext, useContext, useMemo } from 'react';
import { EMPTY_LENS, lensInput, lensKey, type Lens } from '../state/url-state';

export const LensContext = createContext<Lens>(EMPTY_LENS);

export function useLensInput(): ReturnType<typeof lensInput> {
  const lens = useContext(LensContext);
  const key = lensKey(lens);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- key stands for the lens
  return useMemo(() => lensInput(lens), [key]);
}
