import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIppEvePrinter, type IppEvePrinter } from './support/ippeveprinter';
import { pdfText } from './support/pdf-tools';

/** The technician's commands against a real IPP printer, run exactly as a technician types them. */
describe('tongban print against ippeveprinter', () => {
  let printer: IppEvePrinter;

  beforeAll(async () => {
    printer = await startIppEvePrinter('Tongban CLI A4');
  });

  afterAll(async () => {
    await printer?.stop();
  });

  it('`tongban print test-page --printer URI` prints the test page and `print status` reads the printer', () => {
    const before = printer.received().length;
    const run = spawnSync(process.execPath, ['bin/tongban.js', 'print', 'test-page', '--printer', printer.uri], { encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).not.toMatch(/tongban:/);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, printer: printer.uri, jobId: expect.any(Number) });
    expect(printer.received().length).toBe(before + 1);
    expect(pdfText(printer.received().at(-1) as string).replace(/\s+/g, '')).toContain('通办A4打印机测试页');

    const status = spawnSync(process.execPath, ['bin/tongban.js', 'print', 'status', '--printer', printer.uri], { encoding: 'utf8', timeout: 30_000 });
    expect(status.status).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ uri: printer.uri, state: 'idle', ready: true });
  });

});
