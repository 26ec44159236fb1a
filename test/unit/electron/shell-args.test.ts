import { describe, expect, it } from 'vitest';
import { appArgs, parseShellArgs } from '../../../main/electron/shell-args';

describe('parseShellArgs', () => {
  it('reads --config and repeated --set the way tongban start does', () => {
    expect(parseShellArgs(['--config', 'site.json', '--set', 'ui.locale=en', '--set=session.idleSeconds=60'])).toEqual({
      config: 'site.json',
      set: ['ui.locale=en', 'session.idleSeconds=60'],
    });
    expect(parseShellArgs(['-c', 'a.json'])).toEqual({ config: 'a.json', set: [] });
    expect(parseShellArgs(['--config=b.json'])).toEqual({ config: 'b.json', set: [] });
  });

  it('ignores Chromium switches and positionals mixed in', () => {
    expect(parseShellArgs(['--enable-logging', '--ozone-platform=wayland', '--config', 'c.json', 'extra'])).toEqual({
      config: 'c.json',
      set: [],
    });
  });

  it('leaves the file to $TONGBAN_CONFIG or the demo site when none is given', () => {
    expect(parseShellArgs([])).toEqual({ config: undefined, set: [] });
  });
});

describe('appArgs', () => {
  it('skips `electron <app>` when run from source, only the executable when packaged', () => {
    expect(appArgs(['/x/electron', '/work/main', '--config', 'a.json'], true)).toEqual(['--config', 'a.json']);
    expect(appArgs(['/opt/Tongban/tongban', '--config', 'a.json'], false)).toEqual(['--config', 'a.json']);
  });
});
