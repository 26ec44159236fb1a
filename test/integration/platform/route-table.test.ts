import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLATFORM_ROUTES, routeRequest } from '../../../contract/platform/routes';
import { startPlatform, type RunningPlatform } from '../../../platform';

/** The contract's route table is what the terminal's clients call by name: the platform must serve every entry of it. */
describe('the platform route table', () => {
  let platform: RunningPlatform;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'tongban-routes-'));
    platform = await startPlatform({ db: path.join(dir, 'platform.db'), seedDemo: true });
  });

  afterAll(async () => {
    await platform?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("names only routes the platform serves, as its OpenAPI document lists them", async () => {
    const document = (await (await fetch(`${platform.url}/v1/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    const served = new Set(
      Object.entries(document.paths).flatMap(([route, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${route.replace(/\{(\w+)\}/g, ':$1')}`)),
    );
    // The document does not list itself.
    const missing = Object.entries(PLATFORM_ROUTES).filter(([name, route]) => name !== 'openapi' && !served.has(route));
    expect(missing).toEqual([]);
  });

  it('fills and encodes the parameters, and refuses a route without them', () => {
    expect(routeRequest('rate', { caseId: 'a/b' })).toEqual({ method: 'POST', path: '/v1/cases/a%2Fb/rating', name: 'POST /v1/cases/a%2Fb/rating' });
    expect(() => routeRequest('getCase')).toThrow(/needs :caseId/);
  });
});
