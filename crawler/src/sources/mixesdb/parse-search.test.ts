import { MixesdbSearchError, parseMixesdbSearch } from './parse-search';

const firstPage = {
  batchcomplete: '',
  continue: { sroffset: 10, continue: '-||' },
  query: {
    searchinfo: { totalhits: 23 },
    search: [
      {
        ns: 0,
        title: '2017-10-22 - Ben Klock @ Awakenings x Klockworks Pres. Photon, Gashouder, ADE',
        pageid: 123,
        snippet: '<span class="searchmatch">Klock</span>',
      },
      { ns: 0, title: '2017-12-08 - DVS1 - fabric 96', pageid: 456, snippet: '' },
    ],
  },
};

function errorOf(run: () => unknown): MixesdbSearchError {
  try {
    run();
  } catch (error) {
    if (error instanceof MixesdbSearchError) return error;
    throw error;
  }
  throw new Error('expected a MixesdbSearchError');
}

describe('parseMixesdbSearch', () => {
  it('reads titles in order, the total and the next offset', () => {
    expect(parseMixesdbSearch(firstPage)).toEqual({
      titles: ['2017-10-22 - Ben Klock @ Awakenings x Klockworks Pres. Photon, Gashouder, ADE', '2017-12-08 - DVS1 - fabric 96'],
      totalHits: 23,
      nextOffset: 10,
    });
  });

  it('accepts the body as text', () => {
    expect(parseMixesdbSearch(JSON.stringify(firstPage)).nextOffset).toBe(10);
  });

  it('gives nextOffset null on the last page and leaves totalHits out when MediaWiki did not send it', () => {
    expect(parseMixesdbSearch({ batchcomplete: '', query: { search: [] } })).toEqual({ titles: [], nextOffset: null });
  });

  it('throws an api-error with the MediaWiki code', () => {
    const error = errorOf(() => parseMixesdbSearch({ error: { code: 'maxlag', info: 'Waiting for a database server' } }));
    expect(error).toMatchObject({
      kind: 'api-error',
      apiCode: 'maxlag',
      message: 'MixesDB API error maxlag: Waiting for a database server',
    });
  });

  it.each([
    ['not JSON', '<html>Cloudflare</html>'],
    ['null', null],
    ['an array', []],
    ['no query', { batchcomplete: '' }],
    ['search is not a list', { query: { search: 'x' } }],
    ['a result without a title', { query: { search: [{ ns: 0, pageid: 1 }] } }],
    ['a negative offset', { continue: { sroffset: -1 }, query: { search: [] } }],
  ])('throws a malformed error for %s', (_case, body) => {
    expect(errorOf(() => parseMixesdbSearch(body))).toMatchObject({ kind: 'malformed', apiCode: null });
  });

  it('says where the shape is wrong', () => {
    expect(errorOf(() => parseMixesdbSearch({ query: { search: [{ ns: 0 }] } })).message).toBe(
      'search response has an unexpected shape at query.search.0.title',
    );
  });
});
