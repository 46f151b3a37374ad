/**
 * Track positions in one flat Float32Array ([x0, y0, x1, y1, …]) by slot, so the layout worker can send a whole
 * frame of positions as one transferable buffer and the renderer can read it without allocating.
 * Removing a track moves the last slot into the hole (slots stay dense).
 */
export class NodePositions {
  private slots = new Map<string, number>();
  private order: string[] = [];
  private xy = new Float32Array(256);

  get size(): number {
    return this.order.length;
  }

  /** The live buffer; only the first `size * 2` values are meaningful. */
  get buffer(): Float32Array {
    return this.xy;
  }

  ids(): readonly string[] {
    return this.order;
  }

  slotOf(id: string): number | undefined {
    return this.slots.get(id);
  }

  get(id: string): [number, number] | undefined {
    const slot = this.slots.get(id);
    return slot === undefined ? undefined : [this.xy[slot * 2]!, this.xy[slot * 2 + 1]!];
  }

  add(id: string, [x, y]: readonly [number, number]): void {
    let slot = this.slots.get(id);
    if (slot === undefined) {
      slot = this.order.length;
      this.order.push(id);
      this.slots.set(id, slot);
      if (this.xy.length < this.order.length * 2) this.grow();
    }
    this.xy[slot * 2] = x;
    this.xy[slot * 2 + 1] = y;
  }

  remove(id: string): void {
    const slot = this.slots.get(id);
    if (slot === undefined) return;
    const lastSlot = this.order.length - 1;
    const lastId = this.order[lastSlot]!;
    if (slot !== lastSlot) {
      this.order[slot] = lastId;
      this.slots.set(lastId, slot);
      this.xy[slot * 2] = this.xy[lastSlot * 2]!;
      this.xy[slot * 2 + 1] = this.xy[lastSlot * 2 + 1]!;
    }
    this.order.pop();
    this.slots.delete(id);
  }

  clear(): void {
    this.slots = new Map();
    this.order = [];
  }

  /** Copies a layout frame in; false when its length does not match the current slots. */
  write(xy: Float32Array): boolean {
    if (xy.length !== this.order.length * 2) return false;
    this.xy.set(xy);
    return true;
  }

  /** A copy of the meaningful part, for the layout worker. */
  snapshot(): Float32Array {
    return this.xy.slice(0, this.order.length * 2);
  }

  private grow(): void {
    const next = new Float32Array(Math.max(this.xy.length * 2, this.order.length * 2));
    next.set(this.xy);
    this.xy = next;
  }
}
