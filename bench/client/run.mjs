#!/usr/bin/env node
// bench/client: the explorer's store + layout worker + PixiJS renderer in headless Debian Chromium (WebGL through
// SwiftShader, i.e. software rendering on the CPU), on synthetic neighbourhoods of 500, 2,000 and 5,000 tracks.
// Builds bench/client with Vite, serves it locally, runs each size REPEAT times in a fresh page and keeps the
// run with the median first frame. Writes bench/results/client.json and prints a markdown table.
// Usage: npm run bench -w client   (or: node bench/client/run.mjs [sizes…])
import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { loadavg } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumLaunchOptions } from '@songnodes/contracts';
import { chromium } from 'playwright-core';
import { build } from 'vite';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');
const OUT = join(ROOT, 'bench/results/tmp/client-bench');
const SIZES = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const sizes = SIZES.length > 0 ? SIZES : [500, 2000, 5000];
const REPEAT = 3;
const TARGETS = { firstFrameMsAt2000: 500, frameMedianMsAt5000: 8 };
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };

const loadBefore = loadavg()[0];
await build({ configFile: join(HERE, 'vite.config.ts') });
const server = createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  try {
    const body = await readFile(join(OUT, path === '/' ? 'index.html' : path));
    res.writeHead(200, { 'content-type': TYPES[extname(path) || '.html'] ?? 'application/octet-stream' }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch(chromiumLaunchOptions());
const version = browser.version();
const results = [];
try {
  for (const nodes of sizes) {
    const runs = [];
    for (let i = 0; i < REPEAT; i += 1) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 860 }, deviceScaleFactor: 1 });
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
      await page.goto(`${base}?nodes=${nodes}`);
      await page.waitForFunction(() => window.__benchResult || window.__benchError, null, { timeout: 300_000, polling: 250 });
      const { result, error, renderer } = await page.evaluate(() => ({
        result: window.__benchResult,
        error: window.__benchError,
        renderer: (() => {
          const gl = document.createElement('canvas').getContext('webgl2');
          return gl ? gl.getParameter(gl.getExtension('WEBGL_debug_renderer_info')?.UNMASKED_RENDERER_WEBGL ?? gl.RENDERER) : 'none';
        })(),
      }));
      await page.close();
      if (error || errors.length > 0) throw new Error(`nodes=${nodes}: ${error ?? errors.join('\n')}`);
      runs.push({ ...result, renderer });
      process.stderr.write(
        `nodes=${nodes} run ${i + 1}: first frame ${result.firstFrameMs} ms, settle ${result.layoutSettleMs} ms, frame median ${result.frameMainThreadMs.median} ms\n`,
      );
    }
    runs.sort((a, b) => a.firstFrameMs - b.firstFrameMs);
    results.push({
      requestedNodes: nodes,
      ...runs[Math.floor(runs.length / 2)],
      allRuns: runs.map(({ firstFrameMs, layoutSettleMs, frameMainThreadMs }) => ({ firstFrameMs, layoutSettleMs, frameMainThreadMs })),
    });
  }
} finally {
  await browser.close();
  server.close();
}

const at = (n) => results.find((r) => r.requestedNodes === n);
const report = {
  benchmark: 'client',
  date: new Date().toISOString(),
  machine: '2 cores, 24 GiB (this workplace), shared with other jobs',
  loadAverage1m: { before: loadBefore, after: loadavg()[0] },
  browser: `Debian Chromium ${version}, headless, --disable-gpu: WebGL 2 through SwiftShader (software)`,
  viewport: '1400x860 @1x',
  method: 'median of 3 runs (by first frame), fresh page each; synthetic neighbourhoods (~1.6 transitions per track)',
  targets: TARGETS,
  targetsMet: {
    firstFrameMsAt2000: at(2000) ? at(2000).firstFrameMs <= TARGETS.firstFrameMsAt2000 : null,
    frameMedianMsAt5000: at(5000) ? at(5000).frameMainThreadMs.median <= TARGETS.frameMedianMsAt5000 : null,
  },
  results,
};
await writeFile(join(ROOT, 'bench/results/client.json'), `${JSON.stringify(report, null, 2)}\n`);
const number = (value) => value.toLocaleString('en-GB', { maximumFractionDigits: 1 });
const rows = results.map((r) => {
  const long =
    r.longAnimationFrames.count === 0 ? '0' : `${r.longAnimationFrames.count} (longest ${Math.round(r.longAnimationFrames.maxMs)} ms)`;
  return `| ${number(r.nodes)} | ${number(r.edges)} | ${r.firstFrameMs} | ${Math.round(r.firstFramePresentedMs)} | ${number(Math.round(r.layoutSettleMs))} | ${r.frameMainThreadMs.median} / ${r.frameMainThreadMs.p95} | ${long} | ${r.framesPerSecondWhileLayoutRuns} |`;
});
process.stdout.write(
  `${[
    '| tracks | transitions | first frame (ms) | presented (ms) | layout settled (ms, 250 ticks) | main thread per frame: median / p95 (ms) | long frames ≥ 50 ms after the data | frames/s while laying out |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n')}\n`,
);
