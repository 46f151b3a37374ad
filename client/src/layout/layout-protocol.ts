/** Messages between the layout client (main thread) and the layout worker. Buffers are transferred, not copied. */

/** main -> worker: the graph's shape changed (or the first graph arrived). */
export interface SyncMessage {
  type: 'sync';
  /** GraphStore.structureVersion the slots below belong to */
  version: number;
  /** track ids by slot */
  ids: string[];
  /** start positions by slot ([x0, y0, x1, y1, …]); the worker keeps its own for tracks it already knows */
  xy: Float32Array;
  /** collision radius by slot */
  radii: Float32Array;
  /** [fromSlot, toSlot, …] per transition */
  ends: Uint32Array;
  /** weight per transition */
  weights: Float32Array;
  /** the track held still (the centre), or null */
  pinnedId: string | null;
}

/** main -> worker: hold another track still, or none. */
export interface PinMessage {
  type: 'pin';
  pinnedId: string | null;
}

/** main -> worker: stop ticking (the view is being torn down). */
export interface StopMessage {
  type: 'stop';
}

/** Space in the explorer: hold the layout where it is (true) or let it run on (false). */
export interface PauseMessage {
  type: 'pause';
  paused: boolean;
}

export type ToWorker = SyncMessage | PinMessage | StopMessage | PauseMessage;

/** worker -> main: a frame of positions, by slot, for `version`. */
export interface PositionsMessage {
  type: 'positions';
  version: number;
  xy: Float32Array;
  alpha: number;
}

/** worker -> main: the simulation cooled down (alpha below alphaMin) after `ticks` ticks in `ms`. */
export interface SettledMessage {
  type: 'settled';
  version: number;
  ticks: number;
  ms: number;
}

export type FromWorker = PositionsMessage | SettledMessage;
