import { answersLegacyJson } from './response-status';

// Which media type Apollo answers with decides the status of a refused request (200 for application/json, 400 for
// application/graphql-response+json): the plugin must read the Accept header as Apollo's negotiation does.
describe('answersLegacyJson', () => {
  it.each([
    [undefined, true],
    ['', true],
    ['application/json', true],
    ['*/*', true],
    ['application/graphql-response+json', false],
    ['application/graphql-response+json, application/json', true],
    ['application/graphql-response+json, application/json;q=0.9', false],
    ['application/json;q=0.5, application/graphql-response+json', false],
    ['application/*;q=0.8, application/graphql-response+json;q=0.9', false],
    ['text/html, application/json;q=0.1', true],
    ['APPLICATION/GRAPHQL-RESPONSE+JSON', false],
  ])('Accept %j answers application/json: %s', (accept, legacy) => {
    expect(answersLegacyJson(accept)).toBe(legacy);
  });
});
