import { ConfigError, envSchemas, readConfig } from './env-config';

const fields = {
  port: { env: 'PORT', default: '4000', schema: envSchemas.integer(0, 65535), description: 'HTTP port' },
  databaseUrl: { env: 'DATABASE_URL', schema: envSchemas.url(['postgres', 'postgresql']), description: 'PostgreSQL' },
  token: { env: 'TOKEN', default: 'x', schema: envSchemas.string(), description: 'a secret', secret: true },
};

describe('readConfig', () => {
  it('applies defaults and parses values', () => {
    const config = readConfig(fields, { DATABASE_URL: 'postgres://a@b/c' });
    expect(config).toEqual({ port: 4000, databaseUrl: 'postgres://a@b/c', token: 'x' });
  });

  it('names every wrong variable at once, hiding secrets', () => {
    let thrown: unknown;
    try {
      readConfig(fields, { PORT: 'abc', TOKEN: '', DATABASE_URL: 'mysql://x' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    const message = (thrown as Error).message;
    expect(message).toContain('PORT="abc" is invalid');
    expect(message).toContain('DATABASE_URL="mysql://x" is invalid');
  });

  it('says which required variable is missing', () => {
    expect(() => readConfig(fields, {})).toThrow(/DATABASE_URL is required: PostgreSQL/);
  });

  it('never prints a secret value', () => {
    const secretFields = { token: { ...fields.token, schema: envSchemas.integer(0) } };
    expect(() => readConfig(secretFields, { TOKEN: 'hunter2' })).toThrow(/TOKEN=\(hidden\) is invalid/);
  });
});
