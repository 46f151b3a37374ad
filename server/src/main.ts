// The API process: `node server/dist/main.js`. It only builds the app, listens and exits non-zero on a fatal error;
// what other code may use of the server is in index.ts.
import { buildApp } from './app';
import { loadServerConfig } from './config';

async function main(): Promise<void> {
  const config = loadServerConfig();
  const app = await buildApp(config);
  const url = await app.listen();
  app.logger.info({ url: `${url}/graphql` }, 'SongNodes API listening');
  const shutdown = (signal: string) => {
    app.logger.info({ signal }, 'shutting down');
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`songnodes-server: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
