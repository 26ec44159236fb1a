import { z } from 'zod';
import { BAUD_RATES, DEFAULT_BAUD_RATE } from './baud-rates';

/**
 * The devices section of a terminal's configuration: part of the contract because the
 * technician's setup screen edits it through the TerminalApi.
 */
const SerialPort = z
  .object({
    transport: z.literal('serial'),
    path: z.string().min(1),
    baudRate: z.literal(BAUD_RATES).default(DEFAULT_BAUD_RATE),
  })
  .strict();

const HidDevice = z
  .object({
    transport: z.literal('hid'),
    vendorId: z.number().int().min(0).max(0xffff),
    productId: z.number().int().min(0).max(0xffff),
    path: z.string().optional(),
  })
  .strict();

/** The built-in simulator: the demo site's device when no real one is configured. */
const Simulator = z.object({ transport: z.literal('simulator') }).strict();

/**
 * USB-HID ID-card reader models, each with its own report framing (a codec in
 * drivers/idcard/hid-codecs.ts): a new model is one codec and one name here. `tongban-v1` is the
 * framing this project defined, not a vendor's; HID readers stay experimental until reports
 * recorded from a real reader are in the fixtures.
 */
export const HID_IDCARD_MODELS = ['tongban-v1'] as const;
export type HidIdCardModel = (typeof HID_IDCARD_MODELS)[number];

const HidIdCardReader = HidDevice.extend({ model: z.enum(HID_IDCARD_MODELS).default('tongban-v1') }).strict();

const IdCardReader = z.discriminatedUnion('transport', [SerialPort, HidIdCardReader, Simulator]);

const QrScanner = z.discriminatedUnion('transport', [
  SerialPort.extend({ terminator: z.enum(['CR', 'LF', 'CRLF']).default('CR') }).strict(),
  HidDevice,
  z.object({ transport: z.literal('keyboard-wedge') }).strict(),
  Simulator,
]);

const IppPrinter = z
  .object({ transport: z.literal('ipp'), url: z.string().regex(/^ipps?:\/\//, 'an ipp:// or ipps:// URL') })
  .strict();

const ReceiptPrinter = z.discriminatedUnion('transport', [SerialPort, Simulator]);

const DocumentScanner = z.discriminatedUnion('transport', [
  z
    .object({
      transport: z.literal('sane'),
      device: z.string().min(1),
      /** The backend's own options, passed to scanimage as `--name=value` (e.g. fujitsu's `swdeskew`, pnm's `filename`). */
      options: z.record(z.string().regex(/^[a-z][a-z0-9-]{0,63}$/, 'a SANE option name such as swdeskew'), z.string().max(500)).optional(),
    })
    .strict(),
  z.object({ transport: z.literal('escl'), url: z.string().url() }).strict(),
  Simulator,
]);

/** The document camera (高拍仪): a UVC camera the page opens; chosen by name, at a resolution. */
const DocumentCamera = z
  .object({
    transport: z.literal('uvc'),
    /** Part of the camera's name as the browser lists it; absent: the first camera. */
    label: z.string().min(1).optional(),
    width: z.number().int().min(320).max(8192).default(1920),
    height: z.number().int().min(240).max(8192).default(1080),
  })
  .strict();

export const DevicesConfig = z
  .object({
    idcard: IdCardReader.optional(),
    qr: z.array(QrScanner).default([]),
    a4Printer: z.discriminatedUnion('transport', [IppPrinter, Simulator]).optional(),
    receiptPrinter: ReceiptPrinter.optional(),
    scanner: DocumentScanner.optional(),
    camera: DocumentCamera.optional(),
  })
  .strict();

export type DevicesConfig = z.output<typeof DevicesConfig>;
export type DeviceRole = keyof DevicesConfig;
