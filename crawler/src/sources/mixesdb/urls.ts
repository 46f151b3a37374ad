/**
 * MixesDB URLs. MediaWiki writes page titles with underscores for spaces; the raw wikitext of a page comes from
 * index.php?action=raw, and the page people read (our setlists' source URL) is /w/<Title>.
 */
function titleSegment(title: string): string {
  // @ , ( ) stay readable, as MixesDB's own links show them.
  return encodeURIComponent(title.replace(/ /g, '_')).replace(/%(2F|40|2C)/gi, (code) => decodeURIComponent(code));
}

export function mixesdbRawUrl(baseUrl: string, title: string): string {
  return `${baseUrl}/w/index.php?title=${encodeURIComponent(title.replace(/ /g, '_'))}&action=raw`;
}

export function mixesdbPageUrl(baseUrl: string, title: string): string {
  return `${baseUrl}/w/${titleSegment(title)}`;
}

/** The page title a raw URL asks for, or null when the URL is not one of ours. */
export function titleFromRawUrl(url: string): string | null {
  const title = new URL(url).searchParams.get('title');
  return title === null ? null : title.replace(/_/g, ' ');
}

/** `/w/api.php` search for `query`, starting at result `offset`. */
export function mixesdbSearchUrl(baseUrl: string, query: string, offset: number): string {
  const params = new URLSearchParams({ action: 'query', list: 'search', srsearch: query, format: 'json', srlimit: '50' });
  if (offset > 0) params.set('sroffset', String(offset));
  return `${baseUrl}/w/api.php?${params.toString()}`;
}
