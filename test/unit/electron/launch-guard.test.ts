import { describe, expect, it } from 'vitest';
import { debugEnvironmentIn, debugSwitchesIn } from '../../../main/electron/launch-guard';

describe('debugSwitchesIn', () => {
  it('finds Chromium remote debugging and the Node inspector in any spelling', () => {
    expect(debugSwitchesIn(['/opt/Tongban/tongban', '--remote-debugging-port=9222'])).toEqual(['remote-debugging-port']);
    expect(debugSwitchesIn(['x', '--remote-debugging-pipe'])).toEqual(['remote-debugging-pipe']);
    expect(debugSwitchesIn(['x', '--inspect'])).toEqual(['inspect']);
    expect(debugSwitchesIn(['x', '--inspect-brk=0.0.0.0:9229'])).toEqual(['inspect-brk']);
    expect(debugSwitchesIn(['x', '--Remote-Debugging-Port', '9222'])).toEqual(['remote-debugging-port']);
    expect(debugSwitchesIn(['x', '-inspect'])).toEqual(['inspect']);
  });

  it('leaves the terminal’s own flags and look-alikes alone', () => {
    expect(debugSwitchesIn(['x', '.', '--config', 'site.json', '--set', 'ui.locale=en', '--inspector-free', '--debugger'])).toEqual([]);
    expect(debugSwitchesIn(['x', '--set', 'remote-debugging-port=1'])).toEqual([]);
  });
});

describe('debugEnvironmentIn', () => {
  it('finds the inspector smuggled in through NODE_OPTIONS, and run-as-node', () => {
    expect(debugEnvironmentIn({ NODE_OPTIONS: '--max-old-space-size=512 --inspect=9229' })).toEqual(['NODE_OPTIONS']);
    expect(debugEnvironmentIn({ ELECTRON_RUN_AS_NODE: '1' })).toEqual(['ELECTRON_RUN_AS_NODE']);
    expect(debugEnvironmentIn({ NODE_OPTIONS: '--max-old-space-size=512' })).toEqual([]);
    expect(debugEnvironmentIn({})).toEqual([]);
  });
});
