// The real MixesDB tracklists (CSV fixtures) as rows, mixes and wikitext pages: shared with the replay sample.
export * from '../../src/replay/mixesdb-sample';
