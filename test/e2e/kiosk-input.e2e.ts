import { expect, test, type Page } from '@playwright/test';
import { gb11643CheckCharacter } from '../../contract/identity/id-number';
import { seeded, writeOnPad } from './support/handwriting';
import { openService, placeCard, tapKeyboardButton, tapKeys } from './support/kiosk';
import { screenshot } from './support/screens';
import { startTerminal, type RunningTerminal } from './support/terminal-process';

let terminal: RunningTerminal;

const validIdNumber = (() => {
  const first17 = '11010519491231002';
  return first17 + gb11643CheckCharacter(first17);
})();

test.beforeAll(async () => {
  terminal = await startTerminal();
});
test.afterAll(async () => {
  await terminal.stop();
});

const SCREENS = [
  { name: 'landscape', width: 1280, height: 1024 },
  { name: 'portrait', width: 1080, height: 1920 },
] as const;

/** The medical-insurance enrolment started by touch (no card): its first field is the applicant's name, typed. */
async function openNameField(page: Page, largeType: boolean, url = terminal.url): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: '点击开始办理' }).click();
  if (largeType) await page.getByRole('button', { name: '长辈版' }).click();
  await openService(page, 'resident-medical-enrolment');
  await page.locator('#field-name').click();
  await expect(page.getByTestId('keyboard')).toHaveAttribute('data-mode', 'personName');
  await expect(page.locator('[data-testid=keyboard] [data-skbtn="a"]')).toBeVisible();
}

/** The candidates once they answer what was typed last (a slower answer to an earlier key is not enough). */
async function candidates(page: Page): Promise<string[]> {
  const typed = await page.getByTestId('composition').textContent();
  if (typed) await expect(page.getByTestId('candidate-bar')).toHaveAttribute('data-answering', typed);
  await expect(page.getByTestId('candidate').first()).toBeVisible();
  return page.getByTestId('candidate').allTextContents();
}

/** Boxes of everything that must hold in 长辈版, measured in the browser after layout. */
async function measure(page: Page, selector: string) {
  return page.locator(selector).evaluateAll((elements) =>
    elements
      .filter((e) => e.getClientRects().length > 0)
      .map((e) => {
        const r = e.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height, width: r.width, label: e.textContent ?? '' };
      }),
  );
}

function expectInside(boxes: { top: number; bottom: number; left: number; right: number; label: string }[], width: number, height: number) {
  for (const box of boxes) {
    expect(box.top, box.label).toBeGreaterThanOrEqual(0);
    expect(box.left, box.label).toBeGreaterThanOrEqual(0);
    expect(box.bottom, box.label).toBeLessThanOrEqual(height);
    expect(box.right, box.label).toBeLessThanOrEqual(width);
  }
}

for (const size of SCREENS) {
  test(`长辈版 at ${size.width}×${size.height}: keys, candidates and the pad are ≥ 60 px, on screen, and leave the field in view`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await openNameField(page, true);
    await tapKeys(page, 'zhang');
    await candidates(page);
    await screenshot(page, `keyboard-large-${size.name}-candidates`);

    const keys = await measure(page, '[data-testid=keyboard] .hg-button');
    expect(keys.length).toBeGreaterThan(20);
    for (const key of keys) expect(key.height, `key ${key.label}`).toBeGreaterThanOrEqual(60);
    for (const key of keys) expect(key.width, `key ${key.label}`).toBeGreaterThanOrEqual(60);
    const shown = await measure(page, '[data-testid=candidate]');
    for (const c of shown) expect(c.height, `candidate ${c.label}`).toBeGreaterThanOrEqual(60);
    for (const c of shown) expect(c.width, `candidate ${c.label}`).toBeGreaterThanOrEqual(60);
    expectInside([...keys, ...shown], size.width, size.height);

    const [keyboard] = await measure(page, '[data-testid=keyboard]');
    const [field] = await measure(page, '#field-name');
    expect(keyboard!.left).toBeLessThanOrEqual(1);
    expect(keyboard!.right).toBeGreaterThanOrEqual(size.width - 1);
    expect(field!.top).toBeGreaterThanOrEqual(0);
    expect(field!.bottom, 'the field stays above the keyboard').toBeLessThanOrEqual(keyboard!.top);

    await tapKeyboardButton(page, '{hand}');
    await expect(page.getByTestId('handwriting-pad')).toBeVisible();
    await screenshot(page, `handwriting-large-${size.name}`);
    const [pad] = await measure(page, '[data-testid=handwriting-pad]');
    expect(pad!.height).toBeGreaterThanOrEqual(300);
    expect(Math.abs(pad!.height - pad!.width)).toBeLessThan(2);
    const padKeys = await measure(page, '[data-testid=keyboard] .key-like');
    for (const key of padKeys) expect(key.height, `pad key ${key.label}`).toBeGreaterThanOrEqual(60);
    expectInside([pad!, ...padKeys], size.width, size.height);
    const [withPad] = await measure(page, '[data-testid=keyboard]');
    const [fieldNow] = await measure(page, '#field-name');
    expect(fieldNow!.bottom).toBeLessThanOrEqual(withPad!.top);

    await writeOnPad(page, '秀', seeded(7));
    await expect(page.getByTestId('candidate').first()).toBeVisible();
    await screenshot(page, `handwriting-large-${size.name}-candidates`);
  });

  test(`standard type at ${size.width}×${size.height}: screenshots of keyboard, candidates and pad`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await openNameField(page, false);
    await tapKeys(page, 'wang');
    await candidates(page);
    await screenshot(page, `keyboard-standard-${size.name}-candidates`);
    const keys = await measure(page, '[data-testid=keyboard] .hg-button');
    for (const key of keys) expect(key.height, `key ${key.label}`).toBeGreaterThanOrEqual(48);
    await tapKeyboardButton(page, '{hand}');
    await writeOnPad(page, '英', seeded(11));
    await expect(page.getByTestId('candidate').first()).toBeVisible();
    await screenshot(page, `handwriting-standard-${size.name}-candidates`);
  });
}

test('zhangsan → 张三 and wangxiuying → 王秀英 in a name field, each a whole name picked at once', async ({ page }) => {
  await openNameField(page, true);
  await tapKeys(page, 'zhangsan');
  expect((await candidates(page))[0]).toBe('张三');
  await page.getByTestId('candidate').first().click();
  await expect(page.locator('#field-name')).toHaveValue('张三');
  await expect(page.getByTestId('composition')).toHaveText('');

  for (let i = 0; i < 2; i++) await tapKeyboardButton(page, '{bksp}');
  await expect(page.locator('#field-name')).toHaveValue('');
  await tapKeys(page, 'wangxiuying');
  // A sentence model alone says 网秀英; the name field puts the surname first.
  expect((await candidates(page))[0]).toBe('王秀英');
  await page.getByTestId('candidate').first().click();
  await expect(page.locator('#field-name')).toHaveValue('王秀英');
  await tapKeyboardButton(page, '{enter}');
  await expect(page.getByTestId('keyboard')).toHaveCount(0);
  await expect(page.locator('[data-field=name] .problem')).toHaveCount(0);
});

test('a name character outside GB2312 (堃) is found, on a later page of candidates if need be', async ({ page }) => {
  await openNameField(page, true);
  await tapKeys(page, 'zhang');
  await page.getByTestId('candidate').filter({ hasText: /^张$/ }).click();
  await tapKeys(page, 'kun');
  await candidates(page);
  const kun = page.getByTestId('candidate').filter({ hasText: /^堃$/ });
  for (let i = 0; i < 5 && (await kun.count()) === 0; i++) await page.getByRole('button', { name: '下一页候选字' }).click();
  await kun.click();
  await expect(page.locator('#field-name')).toHaveValue('张堃');
});

test('a Chinese name refuses raw letters: 完成 with unconverted pinyin is refused, typed letters never reach the field', async ({ page }) => {
  await openNameField(page, true);
  // No 中/英 switch on a name's keyboard.
  await expect(page.locator('[data-testid=keyboard] [data-skbtn="{lang}"]')).toHaveCount(0);
  await tapKeys(page, 'li');
  await expect(page.getByTestId('composition')).toHaveText('li');
  await expect(page.locator('#field-name')).toHaveValue('');
  await tapKeyboardButton(page, '{enter}');
  await expect(page.getByTestId('keyboard-message')).toContainText('请先点选上方的汉字');
  await expect(page.getByTestId('keyboard')).toBeVisible();
  await expect(page.locator('#field-name')).toHaveValue('');
  // A hardware keyboard typing into the field gets nowhere either.
  await page.locator('#field-name').pressSequentially('Li Ming');
  await expect(page.locator('#field-name')).toHaveValue('');
});

test('the right keyboard for each field: letters and pinyin for text, handwriting for an address, the numeric pad for a bank account', async ({ page }) => {
  await page.goto(terminal.url);
  await page.getByRole('button', { name: '点击开始办理' }).click();
  await openService(page, 'residence-permit-endorsement');
  await page.locator('#field-name').click();
  await expect(page.getByTestId('keyboard')).toHaveAttribute('data-mode', 'personName');
  await page.locator('#field-phone').click();
  await expect(page.getByTestId('keyboard')).toHaveAttribute('data-mode', 'numeric');
  await expect(page.locator('[data-testid=keyboard] [data-skbtn="a"]')).toHaveCount(0);
  await tapKeyboardButton(page, '{enter}');
  await fillPage(page);
  await page.getByRole('button', { name: '下一步' }).click();
  await page.locator('#field-residencePermitNumber').click();
  await expect(page.getByTestId('keyboard')).toHaveAttribute('data-mode', 'text');
  await expect(page.locator('[data-testid=keyboard] [data-skbtn="{lang}"]')).toBeVisible();
  await page.locator('#field-currentAddress').click();
  await expect(page.getByTestId('keyboard')).toHaveAttribute('data-mode', 'address');
  await tapKeyboardButton(page, '{hand}');
  await expect(page.getByTestId('handwriting-pad')).toBeVisible();

  await page.getByRole('button', { name: '结束办理' }).click();
  // 高龄津贴 is for those of 80 and over: the simulator's elder is.
  await placeCard(page, 'elder');
  await openService(page, 'elderly-longevity-allowance');
  for (let i = 0; i < 10 && (await page.locator('#field-bankAccount').count()) === 0; i++) {
    const fields = await page.locator('.field').evaluateAll((els) => els.map((e) => e.getAttribute('data-field')));
    test.info().annotations.push({ type: 'page', description: fields.join(',') });
    await fillPage(page);
    await page.getByRole('button', { name: '下一步' }).click();
  }
  await page.locator('#field-bankAccount').click();
  await expect(page.getByTestId('keyboard')).toHaveAttribute('data-mode', 'numeric');
  await tapKeys(page, '6222020200112233');
  await expect(page.locator('#field-bankAccount')).toHaveValue('6222020200112233');
});

/** Answers what a page asks with something valid, so the test can reach the field it is about. */
async function fillPage(page: Page): Promise<void> {
  for (const radio of await page.locator('[role=radiogroup]').all()) await radio.getByRole('radio').first().click();
  for (const name of await page.locator('input.text-field').evaluateAll((els) => els.map((e) => e.id))) {
    const field = page.locator(`#${name}`);
    if ((await field.inputValue()) !== '') continue;
    await field.click();
    const mode = await page.getByTestId('keyboard').getAttribute('data-mode');
    if (mode === 'personName') {
      await tapKeys(page, 'lisi');
      await candidates(page);
      await page.getByTestId('candidate').first().click();
    } else if (mode === 'numeric') {
      await tapKeys(page, name.includes('phone') ? '13800138000' : '19500101');
    } else if (mode === 'idNumber') {
      await tapKeys(page, validIdNumber);
    }
    await tapKeyboardButton(page, '{enter}');
  }
}

test('a name written by hand, from stroke data the recogniser never saw, lands in the name field', async ({ page }) => {
  await openNameField(page, true);
  await tapKeyboardButton(page, '{hand}');
  const random = seeded(2026);
  for (const char of '陈美玲') {
    await writeOnPad(page, char, random);
    const offered = page.getByTestId('candidate').filter({ hasText: new RegExp(`^${char}$`) });
    await expect(offered).toBeVisible();
    await offered.click();
  }
  await expect(page.locator('#field-name')).toHaveValue('陈美玲');
  await page.getByRole('button', { name: '完成' }).click();
  await expect(page.locator('[data-field=name] .problem')).toHaveCount(0);
});

test('nothing is learned: after one citizen picked unusual candidates, the next citizen is offered what the first was', async ({ page }) => {
  const offered = async () => {
    const lists: string[][] = [];
    for (const typed of ['lijianguo', 'wangxiuying', 'shi']) {
      await tapKeys(page, typed);
      lists.push(await candidates(page));
      for (let i = 0; i < typed.length; i++) await tapKeyboardButton(page, '{bksp}');
    }
    return lists;
  };
  await openNameField(page, true);
  const first = await offered();
  // The first citizen picks what an engine that learns would remember: 李坚果, 石.
  await tapKeys(page, 'lijianguo');
  await candidates(page);
  await page.getByTestId('candidate').nth(2).click();
  await tapKeys(page, 'shi');
  await candidates(page);
  await page.getByTestId('candidate').nth(3).click();
  await tapKeyboardButton(page, '{enter}');
  await page.getByRole('button', { name: '结束办理' }).click();

  await page.getByRole('button', { name: '点击开始办理' }).click();
  await page.getByRole('button', { name: '长辈版' }).click();
  await openService(page, 'resident-medical-enrolment');
  await page.locator('#field-name').click();
  expect(await offered()).toEqual(first);
});

test.describe('where libzinnia cannot be loaded (as on a Windows build without zinnia.dll)', () => {
  let withoutZinnia: RunningTerminal;
  test.beforeAll(async () => {
    withoutZinnia = await startTerminal(['handwriting.library=/nonexistent/zinnia.dll']);
  });
  test.afterAll(async () => {
    await withoutZinnia.stop();
  });

  test('the keyboard comes without 手写, pinyin still works, and the log tells a technician what is missing', async ({ page }) => {
    await openNameField(page, true, withoutZinnia.url);
    await expect(page.locator('[data-testid=keyboard] [data-skbtn="{hand}"]')).toHaveCount(0);
    await expect(page.locator('[data-testid=keyboard] [data-skbtn="{space}"]')).toBeVisible();
    await tapKeys(page, 'wang');
    expect(await candidates(page)).toContain('王');
    await expect.poll(() => withoutZinnia.output()).toMatch(/handwriting \(手写\) is off/);
    expect(withoutZinnia.output()).toContain('/nonexistent/zinnia.dll');
  });
});
