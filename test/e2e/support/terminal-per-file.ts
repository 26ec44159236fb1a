import { expect, test, type Page } from '@playwright/test';
import { startTerminal, type RunningTerminal } from './terminal-process';

/**
 * One demo terminal for every test of a file: started before the first test, stopped after the
 * last. Call it at the top of the file; the function it gives answers the running terminal.
 */
export function terminalForFile(sets: string[] = []): () => RunningTerminal {
  let terminal: RunningTerminal | undefined;
  test.beforeAll(async () => {
    terminal = await startTerminal(sets);
  });
  test.afterAll(async () => {
    await terminal?.stop();
  });
  return () => {
    if (!terminal) throw new Error('the terminal of this file did not start (see beforeAll)');
    return terminal;
  };
}

/** The kiosk's page opened on its attract screen, as a citizen first sees it. */
export async function openAttract(page: Page, terminal: RunningTerminal): Promise<void> {
  await page.goto(terminal.url);
  await expect(page.getByRole('heading', { name: '欢迎使用自助服务' })).toBeVisible();
}
