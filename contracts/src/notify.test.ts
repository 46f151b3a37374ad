import {
  decodeNotifyPayload,
  encodeNotifyPayload,
  listenStatement,
  MAX_NOTIFY_PAYLOAD_BYTES,
  NOTIFY_CHANNELS,
  NotifyPayloadError,
} from './notify';

describe('the NOTIFY contract', () => {
  it('round-trips a payload of every channel', () => {
    const samples = {
      silver_changed: '42',
      graph_changed: { trackIds: [1, 2, 3] },
      crawl_progress: { runId: 7, source: 'mixesdb', event: 'setlist' as const, targetId: 3, detail: { status: 'ok' } },
      crawl_requested: '12',
    };
    for (const channel of Object.values(NOTIFY_CHANNELS)) {
      const text = encodeNotifyPayload(channel, samples[channel] as never);
      expect(decodeNotifyPayload(channel, text)).toEqual(samples[channel]);
    }
  });

  it('sends plain text on the channels SQL statements notify themselves', () => {
    expect(encodeNotifyPayload('silver_changed', '42')).toBe('42');
    expect(decodeNotifyPayload('crawl_requested', '17')).toBe('17');
  });

  it('refuses a payload over the size limit, counted in UTF-8 bytes', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => 100_000 + i);
    expect(() => encodeNotifyPayload('graph_changed', { trackIds: ids })).toThrow(NotifyPayloadError);
    const detail = { note: 'é'.repeat(MAX_NOTIFY_PAYLOAD_BYTES / 2) };
    expect(() => encodeNotifyPayload('crawl_progress', { runId: null, source: 'mixesdb', event: 'setlist', detail })).toThrow(
      /over the 7900-byte limit/,
    );
  });

  it('refuses a payload of the wrong shape when sending', () => {
    expect(() => encodeNotifyPayload('graph_changed', { trackIds: ['x'] } as never)).toThrow(NotifyPayloadError);
    expect(() => encodeNotifyPayload('crawl_progress', { runId: 1, source: 'mixesdb', event: 'exploded' } as never)).toThrow(
      NotifyPayloadError,
    );
  });

  it('decodes what does not fit the contract to null, never throwing', () => {
    expect(decodeNotifyPayload('graph_changed', 'not json')).toBeNull();
    expect(decodeNotifyPayload('graph_changed', '{"trackIds":"1,2"}')).toBeNull();
    expect(decodeNotifyPayload('crawl_progress', '{"source":"mixesdb"}')).toBeNull();
    expect(decodeNotifyPayload('silver_changed', undefined)).toBeNull();
    expect(decodeNotifyPayload('silver_changed', '')).toBeNull();
  });

  it('builds LISTEN statements for the contract channels only', () => {
    expect(listenStatement('graph_changed')).toBe('LISTEN "graph_changed"');
    expect(() => listenStatement('graph_changed; DROP TABLE x' as never)).toThrow(/unknown NOTIFY channel/);
  });
});
