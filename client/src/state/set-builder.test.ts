import { describe, expect, it } from 'vitest';
import type { SetTrack } from '../export/set-export';
import { MAX_SET_LENGTH, setReducer, setSteps, setTransitionIds } from './set-builder';

const track = (id: string): SetTrack => ({ id, title: `T${id}`, version: null, artistCredit: `A${id}` });

describe('set builder', () => {
  it('adds at the end or before a position, never twice, and not past the cap', () => {
    let set = setReducer([], { type: 'add', trackId: '1' });
    set = setReducer(set, { type: 'add', trackId: '3' });
    set = setReducer(set, { type: 'add', trackId: '2', at: 1 });
    expect(set).toEqual(['1', '2', '3']);
    expect(setReducer(set, { type: 'add', trackId: '2' })).toEqual(['1', '2', '3']);
    expect(setReducer(set, { type: 'addMany', trackIds: ['3', '4', '5'] })).toEqual(['1', '2', '3', '4', '5']);
    const full = Array.from({ length: MAX_SET_LENGTH }, (_, i) => String(i));
    expect(setReducer(full, { type: 'add', trackId: 'x' })).toHaveLength(MAX_SET_LENGTH);
  });

  it('removes by position and reorders with clamped positions', () => {
    expect(setReducer(['1', '2', '3'], { type: 'remove', index: 1 })).toEqual(['1', '3']);
    expect(setReducer(['1', '2', '3'], { type: 'move', from: 0, to: 2 })).toEqual(['2', '3', '1']);
    expect(setReducer(['1', '2', '3'], { type: 'move', from: 2, to: 0 })).toEqual(['3', '1', '2']);
    expect(setReducer(['1', '2', '3'], { type: 'move', from: 1, to: 99 })).toEqual(['1', '3', '2']);
    expect(setReducer([], { type: 'move', from: 0, to: 1 })).toEqual([]);
    expect(setReducer(['1'], { type: 'clear' })).toEqual([]);
  });

  it('gives each step the weight and DJs of the transition from the previous track', () => {
    const ids = ['1', '2', '3'];
    expect(setTransitionIds(ids)).toEqual(['1->2', '2->3']);
    const tracks = new Map(ids.map((id) => [id, track(id)]));
    const steps = setSteps(
      ids,
      tracks,
      new Map([
        ['1->2', { weight: 4, djs: 3 }],
        ['2->3', null],
      ]),
    );
    expect(steps.map((s) => [s.track.id, s.weight, s.djs])).toEqual([
      ['1', null, null],
      ['2', 4, 3],
      ['3', null, null],
    ]);
    // reordering changes which transitions are asked for
    expect(setTransitionIds(setReducer(ids, { type: 'move', from: 2, to: 0 }))).toEqual(['3->1', '1->2']);
  });
});
