import { describe, expect, it } from 'vitest';
import { FLEET_STRINGS } from '../../../platform/fleet/page/strings';
import { fleetPageScript } from '../../../platform/fleet/page/fleet-page';

describe('the fleet page’s words', () => {
  it('has every key in both languages', () => {
    expect(Object.keys(FLEET_STRINGS.en).sort()).toEqual(Object.keys(FLEET_STRINGS['zh-CN']).sort());
  });

  it('uses only keys the table has', () => {
    const script = fleetPageScript();
    const used = [...script.matchAll(/\bt\('([a-zA-Z.-]+)'\)/g)].map((m) => m[1]!);
    expect(used.length).toBeGreaterThan(20);
    for (const key of used) expect(Object.keys(FLEET_STRINGS['zh-CN'])).toContain(key);
  });
});
