import robotsParser from 'robots-parser';

type Robots = ReturnType<typeof robotsParser>;

/** Fetches robots.txt (a plain GET, no politeness delay of its own) and returns its body, or null if absent. */
export type FetchRobots = (robotsUrl: string) => Promise<string | null>;

/**
 * robots.txt per origin, fetched once per run. A missing or unreadable robots.txt allows everything (RFC 9309:
 * 4xx means no restrictions); a 5xx or network failure while fetching it is treated the same way but logged by
 * the caller, since refusing to crawl over a flaky robots.txt would stop every source for nothing.
 */
export class RobotsCache {
  private readonly byOrigin = new Map<string, Promise<Robots | null>>();

  constructor(
    private readonly userAgent: string,
    private readonly fetchRobots: FetchRobots,
  ) {}

  async isAllowed(url: string): Promise<boolean> {
    const origin = new URL(url).origin;
    let robots = this.byOrigin.get(origin);
    if (!robots) {
      const robotsUrl = `${origin}/robots.txt`;
      robots = this.fetchRobots(robotsUrl).then(
        (body) => (body === null ? null : robotsParser(robotsUrl, body)),
        () => null,
      );
      this.byOrigin.set(origin, robots);
    }
    const parsed = await robots;
    return parsed === null || parsed.isAllowed(url, this.userAgent) !== false;
  }
}
