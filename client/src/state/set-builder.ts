/**
 * The set a DJ builds by chaining tracks: an ordered list of track ids (the shareable part, in the URL as
 * `set=`), and the steps between them with how many setlists and DJs played each transition. Pure.
 */
import { edgeIdOf } from '../model/graph-types';
import type { SetStep, SetTrack } from '../export/set-export';

/** More tracks than this is not a set anybody plays; adding past it does nothing. */
export const MAX_SET_LENGTH = 100;

export type SetAction =
  /** appends (or inserts before `at`); a track already in the set is left where it is */
  | { type: 'add'; trackId: string; at?: number }
  | { type: 'addMany'; trackIds: readonly string[] }
  | { type: 'remove'; index: number }
  /** moves the track at `from` to position `to` (both 0-based, clamped) */
  | { type: 'move'; from: number; to: number }
  | { type: 'clear' };

export function setReducer(ids: readonly string[], action: SetAction): string[] {
  switch (action.type) {
    case 'add': {
      if (ids.includes(action.trackId) || ids.length >= MAX_SET_LENGTH) return [...ids];
      const at = action.at === undefined ? ids.length : clamp(action.at, 0, ids.length);
      return [...ids.slice(0, at), action.trackId, ...ids.slice(at)];
    }
    case 'addMany':
      return action.trackIds.reduce<string[]>((set, trackId) => setReducer(set, { type: 'add', trackId }), [...ids]);
    case 'remove':
      return ids.filter((_, index) => index !== action.index);
    case 'move': {
      if (ids.length === 0) return [];
      const from = clamp(action.from, 0, ids.length - 1);
      const to = clamp(action.to, 0, ids.length - 1);
      const next = [...ids];
      const [moved] = next.splice(from, 1);
      next.splice(to, 0, moved!);
      return next;
    }
    case 'clear':
      return [];
  }
}

/** The transitions a set walks through, as edge ids (`a->b`), in order. */
export function setTransitionIds(ids: readonly string[]): string[] {
  return ids.slice(1).map((id, index) => edgeIdOf(ids[index]!, id));
}

export interface StepTransition {
  weight: number;
  djs: number;
}

/**
 * The set's steps for display and export: each known track with the transition from the one before it (null for
 * the first, and for a pair no DJ played — `transitions` maps such a pair to null — or not loaded yet).
 */
export function setSteps(
  ids: readonly string[],
  tracks: ReadonlyMap<string, SetTrack>,
  transitions: ReadonlyMap<string, StepTransition | null>,
): SetStep[] {
  const steps: SetStep[] = [];
  ids.forEach((id, index) => {
    const track = tracks.get(id);
    if (!track) return;
    const transition = index === 0 ? null : (transitions.get(edgeIdOf(ids[index - 1]!, id)) ?? null);
    steps.push({ track, weight: transition?.weight ?? null, djs: transition?.djs ?? null });
  });
  return steps;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(Math.trunc(value), min), max);
}
