import { mkdtempSync, rmSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { JsonlPrintRecordSink, type PrintRecord } from '../../../main/printing';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function record(id: string): PrintRecord {
  return { id, at: '2026-11-23T01:00:00.000Z', what: 'case-receipt', caseId: 'case-1', printer: { kind: 'a4', name: 'ipp://printer/ipp/print' }, result: 'printed', conditions: [], jobId: 7, durationMs: 812 };
}

describe('the JSON-lines print record sink', () => {
  it('appends records and reads them back in order, creating its folder', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tongban-records-'));
    dirs.push(dir);
    const sink = new JsonlPrintRecordSink(path.join(dir, 'nested', 'prints.jsonl'));
    expect(await sink.list()).toEqual([]);
    await sink.append(record('a'));
    await sink.append(record('b'));
    expect((await sink.list()).map((r) => r.id)).toEqual(['a', 'b']);
  });

  it('names the file and line of a damaged record', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tongban-records-'));
    dirs.push(dir);
    const file = path.join(dir, 'prints.jsonl');
    const sink = new JsonlPrintRecordSink(file);
    await sink.append(record('a'));
    appendFileSync(file, '{"id": "b", trunc\n');
    await expect(sink.list()).rejects.toThrow(`${file} line 2`);
  });
});
