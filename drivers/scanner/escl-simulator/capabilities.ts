import { esclDocument } from '../escl/escl-xml';

export const SIMULATOR_RESOLUTIONS = [75, 150, 200, 300, 600];
export const SIMULATOR_FORMATS = ['image/jpeg', 'image/png'];
/** A4 plus a little, in three-hundredths of an inch. */
const MAX_WIDTH = 2550;
const MAX_HEIGHT = 3508;

function inputCaps() {
  return {
    'scan:MinWidth': 16,
    'scan:MaxWidth': MAX_WIDTH,
    'scan:MinHeight': 16,
    'scan:MaxHeight': MAX_HEIGHT,
    'scan:MaxScanRegions': 1,
    'scan:SettingProfiles': {
      'scan:SettingProfile': {
        'scan:ColorModes': { 'scan:ColorMode': ['RGB24', 'Grayscale8', 'BlackAndWhite1'] },
        'scan:DocumentFormats': { 'pwg:DocumentFormat': SIMULATOR_FORMATS, 'scan:DocumentFormatExt': SIMULATOR_FORMATS },
        'scan:SupportedResolutions': {
          'scan:DiscreteResolutions': {
            'scan:DiscreteResolution': SIMULATOR_RESOLUTIONS.map((r) => ({ 'scan:XResolution': r, 'scan:YResolution': r })),
          },
        },
      },
    },
  };
}

export function capabilitiesXml(makeAndModel: string, uuid: string): string {
  return esclDocument(
    'scan:ScannerCapabilities',
    {
      'pwg:MakeAndModel': makeAndModel,
      'pwg:SerialNumber': 'TONGBAN-SIM-0001',
      'scan:UUID': uuid,
      'scan:Platen': { 'scan:PlatenInputCaps': inputCaps() },
      'scan:Adf': { 'scan:AdfSimplexInputCaps': inputCaps(), 'scan:FeederCapacity': 50 },
    },
    'keep',
  );
}

export function statusXml(state: 'Idle' | 'Processing' | 'Stopped', adfState: string, jobs: { uri: string; state: string; images: number }[]): string {
  return esclDocument(
    'scan:ScannerStatus',
    {
      'pwg:State': state,
      'scan:AdfState': adfState,
      'scan:Jobs': jobs.length
        ? { 'scan:JobInfo': jobs.map((job) => ({ 'pwg:JobUri': job.uri, 'pwg:JobState': job.state, 'scan:ImagesCompleted': job.images })) }
        : '',
    },
    'keep',
  );
}
