import { MAX_PAYLOAD_BYTES, splitTrackIdPayloads } from './notify';

describe('splitTrackIdPayloads', () => {
  it('sends nothing for no ids, and one sorted, de-duplicated payload for a few', () => {
    expect(splitTrackIdPayloads([])).toEqual([]);
    expect(splitTrackIdPayloads([30, 2, 30, 11])).toEqual(['{"trackIds":[2,11,30]}']);
  });

  it('splits many ids into payloads under PostgreSQL 8000-byte NOTIFY limit, losing none', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => 1_000_000_000_000 + i * 7919);
    const payloads = splitTrackIdPayloads(ids);
    expect(payloads.length).toBeGreaterThan(5);
    for (const payload of payloads) expect(Buffer.byteLength(payload)).toBeLessThan(8000);
    expect(Math.max(...payloads.map((p) => p.length))).toBeGreaterThan(MAX_PAYLOAD_BYTES - 20);
    const received = payloads.flatMap((p) => (JSON.parse(p) as { trackIds: number[] }).trackIds);
    expect(received).toEqual([...ids].sort((a, b) => a - b));
  });

  it('fills each payload up to the limit it is given', () => {
    const payloads = splitTrackIdPayloads([1, 2, 3, 4, 5], 20);
    expect(payloads).toEqual(['{"trackIds":[1,2]}', '{"trackIds":[3,4]}', '{"trackIds":[5]}']);
  });
});
