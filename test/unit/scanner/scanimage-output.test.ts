import { describe, expect, it } from 'vitest';
import { errorCodeFromStderr, lastProblem, parseDeviceList, parseDeviceOptions } from '../../../drivers/scanner/sane/scanimage-output';

describe('scanimage -L', () => {
  it('lists devices with their descriptions and ignores the chatter around them', () => {
    const out = [
      "device `test:0' is a Noname frame test range scanner",
      "device `epson2:net:192.168.1.20' is a Epson PID 0x0883 flatbed scanner",
      "device `airscan:e0:HP LaserJet MFP M426fdn' is a eSCL HP LaserJet MFP M426fdn ip=192.168.1.30",
      '',
      'No scanners were identified. If you were expecting something different,',
    ].join('\n');
    expect(parseDeviceList(out)).toEqual([
      { name: 'test:0', description: 'Noname frame test range scanner' },
      { name: 'epson2:net:192.168.1.20', description: 'Epson PID 0x0883 flatbed scanner' },
      { name: 'airscan:e0:HP LaserJet MFP M426fdn', description: 'eSCL HP LaserJet MFP M426fdn ip=192.168.1.30' },
    ]);
  });
});

describe('scanimage -A', () => {
  it('reads a range resolution, modes, sources and the area of the test backend', () => {
    const out = `All options specific to device \`test':
  Scan Mode:
    --mode Gray|Color [Gray]
        Selects the scan mode (e.g., lineart, monochrome, or color).
    --resolution 1..1200dpi (in steps of 1) [50]
    --source Flatbed|Automatic Document Feeder [Flatbed]
  Geometry:
    -l 0..200mm (in steps of 1) [0]
    -x 0..200mm (in steps of 1) [80]
    -y 0..200mm (in steps of 1) [100]
`;
    const options = parseDeviceOptions(out);
    expect(options.modes).toEqual([
      { sane: 'Gray', mode: 'grey' },
      { sane: 'Color', mode: 'colour' },
    ]);
    expect(options.sources).toEqual([
      { sane: 'Flatbed', source: 'flatbed' },
      { sane: 'Automatic Document Feeder', source: 'adf' },
    ]);
    expect(options.resolutions).toEqual([75, 100, 150, 200, 240, 300, 400, 600, 1200]);
    expect([options.maxWidth, options.maxHeight]).toEqual([200, 200]);
    expect(options.names.has('resolution')).toBe(true);
  });

  it('reads the list form a real device prints, with fractional millimetres', () => {
    const out = `Options specific to device \`epson2:net:192.168.1.20':
    --mode Lineart|Gray|Color [Lineart]
    --resolution 75|150|300|600|1200dpi [75]
    --source Flatbed|ADF [inactive]
    -x 0..215.9mm [215.9]
    -y 0..297.18mm [297.18]
`;
    const options = parseDeviceOptions(out);
    expect(options.modes.map((m) => m.mode)).toEqual(['lineart', 'grey', 'colour']);
    expect(options.resolutions).toEqual([75, 150, 300, 600, 1200]);
    expect(options.sources.map((s) => s.sane)).toEqual(['Flatbed', 'ADF']);
    expect([options.maxWidth, options.maxHeight]).toEqual([215.9, 297.18]);
  });
});

describe('scanimage errors', () => {
  it.each([
    ['scanimage: sane_read: Device busy', 'busy'],
    ['scanimage: open of device epson2 failed: Device busy', 'busy'],
    ['scanimage: sane_read: Scanner cover is open', 'cover-open'],
    ['scanimage: sane_start: Document feeder out of documents', 'no-paper'],
    ['scanimage: sane_read: Document feeder jammed', 'jammed'],
    ['scanimage: open of device nosuch failed: Invalid argument', 'invalid-request'],
    ['scanimage: sane_read: Error during device I/O', 'device-error'],
  ] as const)('%s → %s', (stderr, code) => {
    expect(errorCodeFromStderr(stderr)).toBe(code);
  });

  it('keeps the last scanimage line as the technician’s detail', () => {
    expect(lastProblem('Scanning page 1\nscanimage: sane_read: Document feeder jammed\nBatch terminated, 1 page scanned\n')).toBe('sane_read: Document feeder jammed');
  });
});
