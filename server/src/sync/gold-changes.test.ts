import { batchChanges, type GoldBatch, type GoldChange } from './gold-changes';

async function* pagesOf(...pages: GoldChange[][]): AsyncGenerator<GoldChange[]> {
  for (const page of pages) yield page;
}

async function collect(pages: AsyncIterable<GoldChange[]>, size: number): Promise<GoldBatch[]> {
  const batches: GoldBatch[] = [];
  for await (const batch of batchChanges(pages, size)) batches.push(batch);
  return batches;
}

const track = (id: number): GoldChange => ({
  kind: 'track',
  track: { id, title: `t${id}`, version: null, artistCredit: 'A', plays: 1, credits: [] },
});
const edge = (from: number, to: number): GoldChange => ({
  kind: 'edge',
  edge: { from, to, weight: 1, djs: 1, firstSeen: null, lastSeen: null },
});

// The sync's batching: the writer relies on every batch holding at most batchSize changes, in the order read.
describe('batchChanges', () => {
  it('cuts pages into batches of batchSize changes, across page boundaries, keeping their order', async () => {
    const batches = await collect(pagesOf([track(1), track(2), track(3)], [edge(1, 2), edge(2, 3)]), 2);
    expect(batches.map((b) => b.size)).toEqual([2, 2, 1]);
    expect(batches[0]!.tracks.map((t) => t.id)).toEqual([1, 2]);
    expect(batches[1]!.tracks.map((t) => t.id)).toEqual([3]);
    expect(batches[1]!.edges.map((e) => [e.from, e.to])).toEqual([[1, 2]]);
    expect(batches[2]!.edges.map((e) => [e.from, e.to])).toEqual([[2, 3]]);
  });

  it('sorts each change into its kind', async () => {
    const [batch] = await collect(
      pagesOf([
        { kind: 'artist', artist: { id: 7, name: 'A' } },
        track(1),
        { kind: 'credit', credit: { trackId: 1, artistId: 7, role: 'primary' } },
        edge(1, 2),
        { kind: 'drop-track', id: 3 },
        { kind: 'drop-artist', id: 8 },
        { kind: 'drop-edge', key: { from: 4, to: 5 } },
      ]),
      100,
    );
    expect(batch).toEqual({
      artists: [{ id: 7, name: 'A' }],
      tracks: [expect.objectContaining({ id: 1 })],
      credits: [{ trackId: 1, artistId: 7, role: 'primary' }],
      edges: [expect.objectContaining({ from: 1, to: 2 })],
      dropTracks: [3],
      dropArtists: [8],
      dropEdges: [{ from: 4, to: 5 }],
      size: 7,
    });
  });

  it('yields nothing for no changes, and no empty batch after an exact fit', async () => {
    expect(await collect(pagesOf(), 10)).toEqual([]);
    expect(await collect(pagesOf([], []), 10)).toEqual([]);
    expect((await collect(pagesOf([track(1), track(2)]), 2)).map((b) => b.size)).toEqual([2]);
  });
});
