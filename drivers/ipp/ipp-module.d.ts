/** The parts of the untyped `ipp` package (williamkapke/ipp) this driver uses. */
declare module 'ipp' {
  export type IppGroup = Record<string, unknown>;
  export interface IppResponse {
    version: string;
    statusCode: string;
    id: number;
    'operation-attributes-tag'?: IppGroup;
    'printer-attributes-tag'?: IppGroup;
    'job-attributes-tag'?: IppGroup;
    'unsupported-attributes-tag'?: IppGroup;
    [group: string]: unknown;
  }
  export interface IppRequest {
    'operation-attributes-tag': IppGroup;
    'job-attributes-tag'?: IppGroup;
    data?: Buffer;
  }
  export interface IppPrinter {
    execute(operation: string, message: IppRequest | null, callback: (error: Error | null, response: IppResponse) => void): void;
  }
  interface IppModule {
    Printer(url: string, options?: { version?: string; uri?: string; charset?: string; language?: string }): IppPrinter;
  }
  const ipp: IppModule;
  export default ipp;
}
