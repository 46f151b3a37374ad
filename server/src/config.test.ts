import { loadServerConfig } from './config';

describe('loadServerConfig', () => {
  it('uses the local stack defaults', () => {
    const config = loadServerConfig({});
    expect(config.port).toBe(4000);
    expect(config.neo4jUri).toBe('bolt://127.0.0.1:7688');
    expect(config.adminToken).toBe('');
  });

  it('listens on loopback only unless HOST says otherwise (it listened on all interfaces)', () => {
    expect(loadServerConfig({}).host).toBe('127.0.0.1');
    expect(loadServerConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });

  it('names the variable that is wrong', () => {
    expect(() => loadServerConfig({ PORT: 'eighty', NEO4J_URI: 'http://x' })).toThrow(
      /NEO4J_URI="http:\/\/x" is invalid[\s\S]*PORT="eighty" is invalid/,
    );
  });
});
