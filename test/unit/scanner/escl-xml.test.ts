import { describe, expect, it } from 'vitest';
import { buildScanSettings, EsclXmlError, parseCapabilities, parseScanSettings, parseStatus } from '../../../drivers/scanner/escl/escl-xml';
import { regionOf } from '../../../drivers/scanner/types';

/** Trimmed from what an HP LaserJet MFP answers: other prefixes, attributes, one profile per source. */
const HP_CAPS = `<?xml version="1.0" encoding="UTF-8"?>
<scan:ScannerCapabilities xmlns:pwg="http://www.pwg.org/schemas/2010/12/sm" xmlns:scan="http://schemas.hp.com/imaging/escl/2011/05/03" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <pwg:Version>2.63</pwg:Version>
  <pwg:MakeAndModel>HP LaserJet MFP M426fdn</pwg:MakeAndModel>
  <scan:Platen><scan:PlatenInputCaps>
    <scan:MinWidth>8</scan:MinWidth><scan:MaxWidth>2550</scan:MaxWidth><scan:MinHeight>8</scan:MinHeight><scan:MaxHeight>3508</scan:MaxHeight>
    <scan:SettingProfiles><scan:SettingProfile name="p1">
      <scan:ColorModes><scan:ColorMode>BlackAndWhite1</scan:ColorMode><scan:ColorMode>Grayscale8</scan:ColorMode><scan:ColorMode>RGB24</scan:ColorMode></scan:ColorModes>
      <scan:DocumentFormats><pwg:DocumentFormat>application/pdf</pwg:DocumentFormat><pwg:DocumentFormat>image/jpeg</pwg:DocumentFormat><scan:DocumentFormatExt>application/pdf</scan:DocumentFormatExt></scan:DocumentFormats>
      <scan:SupportedResolutions><scan:DiscreteResolutions>
        <scan:DiscreteResolution><scan:XResolution>300</scan:XResolution><scan:YResolution>300</scan:YResolution></scan:DiscreteResolution>
        <scan:DiscreteResolution><scan:XResolution>75</scan:XResolution><scan:YResolution>75</scan:YResolution></scan:DiscreteResolution>
      </scan:DiscreteResolutions></scan:SupportedResolutions>
    </scan:SettingProfile></scan:SettingProfiles>
  </scan:PlatenInputCaps></scan:Platen>
  <scan:Adf><scan:AdfSimplexInputCaps>
    <scan:MaxWidth>2550</scan:MaxWidth><scan:MaxHeight>4200</scan:MaxHeight>
    <scan:SettingProfiles><scan:SettingProfile>
      <scan:ColorModes><scan:ColorMode>Grayscale8</scan:ColorMode></scan:ColorModes>
      <scan:DocumentFormats><pwg:DocumentFormat>image/jpeg</pwg:DocumentFormat></scan:DocumentFormats>
      <scan:SupportedResolutions><scan:DiscreteResolutions><scan:DiscreteResolution><scan:XResolution>200</scan:XResolution><scan:YResolution>200</scan:YResolution></scan:DiscreteResolution></scan:DiscreteResolutions></scan:SupportedResolutions>
    </scan:SettingProfile></scan:SettingProfiles>
  </scan:AdfSimplexInputCaps></scan:Adf>
</scan:ScannerCapabilities>`;

describe('eSCL ScannerCapabilities', () => {
  it('reads each source with its own resolutions, modes and size', () => {
    const caps = parseCapabilities(HP_CAPS);
    expect(caps.makeAndModel).toBe('HP LaserJet MFP M426fdn');
    expect(caps.sources).toEqual(['flatbed', 'adf']);
    expect(caps.inputs.flatbed).toMatchObject({ resolutions: [75, 300], modes: ['lineart', 'grey', 'colour'], maxWidth: 215.9, maxHeight: 297 });
    expect(caps.inputs.adf).toMatchObject({ resolutions: [200], modes: ['grey'], maxHeight: 355.6 });
    expect(caps.formats.sort()).toEqual(['jpeg', 'pdf']);
  });

  it('rejects a document that is not capabilities, naming what it got', () => {
    expect(() => parseCapabilities('<?xml version="1.0"?><scan:ScannerStatus xmlns:scan="x"/>')).toThrow(/expected a ScannerCapabilities document, got <ScannerStatus>/);
    expect(() => parseCapabilities('<scan:ScannerCapabilities xmlns:scan="x"><pwg:MakeAndModel>X</pwg:MakeAndModel></scan:ScannerCapabilities>')).toThrow(EsclXmlError);
  });
});

describe('eSCL ScannerStatus', () => {
  it('maps states and explains a feeder problem', () => {
    expect(parseStatus('<scan:ScannerStatus xmlns:scan="s" xmlns:pwg="p"><pwg:State>Idle</pwg:State><scan:AdfState>ScannerAdfLoaded</scan:AdfState></scan:ScannerStatus>')).toEqual({
      state: 'idle',
      adfLoaded: true,
      adfState: 'ScannerAdfLoaded',
    });
    expect(parseStatus('<scan:ScannerStatus xmlns:scan="s" xmlns:pwg="p"><pwg:State>Stopped</pwg:State><scan:AdfState>ScannerAdfJam</scan:AdfState></scan:ScannerStatus>')).toMatchObject({
      state: 'stopped',
      adfLoaded: false,
      detail: 'ScannerAdfJam',
    });
  });

  it('refuses an unknown state rather than guessing', () => {
    expect(() => parseStatus('<ScannerStatus><State>Sleeping</State></ScannerStatus>')).toThrow(/unknown State "Sleeping"/);
  });
});

describe('eSCL ScanSettings', () => {
  it('round-trips what the driver asks for through what the simulator reads', () => {
    const settings = { source: 'adf' as const, mode: 'grey' as const, resolution: 300, mimeType: 'image/png', region: regionOf('a5', 215.9, 297) };
    const xml = buildScanSettings(settings);
    expect(xml).toContain('<pwg:InputSource>Feeder</pwg:InputSource>');
    expect(xml).toContain('<pwg:Width>1748</pwg:Width>');
    expect(parseScanSettings(xml)).toEqual({ ...settings, region: { x: 0, y: 0, width: 148, height: 210 } });
  });

  it('names the bad element of a hostile request', () => {
    expect(() => parseScanSettings('<scan:ScanSettings xmlns:scan="s"><scan:XResolution>-3</scan:XResolution></scan:ScanSettings>')).toThrow(/XResolution "-3"/);
    expect(() => parseScanSettings('<scan:ScanSettings xmlns:scan="s"><pwg:InputSource>Camera</pwg:InputSource></scan:ScanSettings>')).toThrow(/InputSource "Camera"/);
    expect(() => parseScanSettings('not xml at all')).toThrow(EsclXmlError);
  });
});

describe('scan area', () => {
  it('clips a named size to what the device can reach', () => {
    expect(regionOf('a4', 200, 200)).toEqual({ x: 0, y: 0, width: 200, height: 200 });
    expect(regionOf({ x: 10, y: 20, width: 500, height: 50 }, 215.9, 297)).toEqual({ x: 10, y: 20, width: 205.9, height: 50 });
  });
});
