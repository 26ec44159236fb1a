import { describe, expect, it } from 'vitest';
import { demoReceipt, documentHtml } from '../../../main/printing';

/** 一件事: one receipt names every service it brings together, with its own promised time. */
describe('the receipt of a 一件事', () => {
  it('lists the bundled services and their promised times', async () => {
    const data = {
      ...demoReceipt(),
      bundleItems: [
        { name: '新生儿户口登记', promisedWorkingDays: 5 },
        { name: '城乡居民基本医疗保险参保登记', promisedWorkingDays: 1 },
        { name: '社会保障卡申领', promisedWorkingDays: 10 },
      ],
    };
    const out = await documentHtml({ kind: 'case-receipt', data });
    expect(out).toContain('一并办理事项（一件事）');
    expect(out).toMatch(/新生儿户口登记<\/td><td>5个工作日/);
    expect(out).toMatch(/社会保障卡申领<\/td><td>10个工作日/);
    expect(await documentHtml({ kind: 'case-receipt', data: demoReceipt() })).not.toContain('一并办理事项');
  });
});
