import jsQR from 'jsqr';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sample from '../../../assets/directory/baotou_sample.json';
import { runAxe } from '../support/axe';
import { launchChromium } from '../support/browser';
import { type RunningDevHost, startDevHost } from '../support/dev_host';

let host: RunningDevHost;
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  host = await startDevHost();
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(`${host.origin}/?e2e#token=${host.token}`);
  await page.getByRole('heading', { name: '请选择服务' }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

/** What the focused element is: its text, or its data-key inside a key grid. */
async function focused(): Promise<{ text: string; key: string | null; tag: string }> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    return {
      text: element?.textContent?.trim() ?? '',
      key: element?.dataset.key ?? null,
      tag: element?.tagName ?? '',
    };
  });
}

/** Presses `key` until the focused element satisfies `match` (keypad only: no clicks). */
async function pressUntil(key: string, match: (f: Awaited<ReturnType<typeof focused>>) => boolean, max = 80) {
  for (let i = 0; i < max; i++) {
    if (match(await focused())) return;
    await page.keyboard.press(key);
  }
  throw new Error(`focus never matched after ${max} × ${key}: ${JSON.stringify(await focused())}`);
}

const PAD_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const position = (letter: string) => {
  const row = PAD_ROWS.findIndex((keys) => keys.includes(letter));
  return { row, column: PAD_ROWS[row]!.indexOf(letter) };
};

/** Types a letter on the on-screen letter pad with arrows and Enter. */
async function typeOnPad(letter: string) {
  for (let i = 0; i < 30; i++) {
    const key = (await focused()).key ?? '';
    const current = key.replace('letter-', '');
    if (current === letter) break;
    const from = position(current);
    const to = position(letter);
    if (from.row !== to.row) await page.keyboard.press(from.row < to.row ? 'ArrowDown' : 'ArrowUp');
    else await page.keyboard.press(from.column < to.column ? 'ArrowRight' : 'ArrowLeft');
  }
  expect((await focused()).key).toBe(`letter-${letter}`);
  await page.keyboard.press('Enter');
}

async function axeInEveryTheme(where: string) {
  for (const theme of ['标准', '黑底白字', '白底黑字']) {
    const violations = await runAxe(page);
    expect(violations, `${where}, theme ${theme}`).toEqual([]);
    await page.getByRole('button', { name: new RegExp(`对比度：${theme}`) }).click();
  }
}

async function speechLog(): Promise<{ text: string; kind: string }[]> {
  return page.evaluate(() => {
    // biome-ignore lint/suspicious/noExplicitAny: the e2e debug hook
    return (window as any).__kioskDebug.speechLog();
  });
}

/** Decodes the QR code from the pixels of a screenshot of the element as rendered on screen. */
async function decodeQr(selector: string): Promise<string | null> {
  const png = (await page.locator(selector).screenshot()).toString('base64');
  const { data, width, height } = await page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const pixels = context.getImageData(0, 0, canvas.width, canvas.height);
    return { data: Array.from(pixels.data), width: pixels.width, height: pixels.height };
  }, png);
  return jsQR(Uint8ClampedArray.from(data), width, height)?.data ?? null;
}

describe('directory (法治地图) in Chromium, keypad only, speech on', () => {
  it('finds a notary office by pinyin initials "gzc", opens it, and its QR code decodes to an https map link (then a geo: URI) with its coordinates', async () => {
    await page.keyboard.press('F3');
    await page.getByRole('button', { name: '语音朗读', pressed: true }).waitFor();
    await page.getByRole('heading', { name: '请选择服务' }).focus();
    await pressUntil('ArrowDown', (f) => f.text.startsWith('法律服务机构'));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: '法律服务机构' }).waitFor();
    await page.locator('.sample-notice', { hasText: '示例数据' }).waitFor();

    await pressUntil('ArrowDown', (f) => (f.key ?? '').startsWith('letter-'));
    for (const letter of 'gzc') await typeOnPad(letter);
    await page.getByText('已输入：gzc').waitFor();
    await page.locator('.directory-results__count', { hasText: '找到 3 个机构' }).waitFor();
    await expect
      .poll(async () => (await speechLog()).map((entry) => entry.text), { timeout: 5000 })
      .toContain('找到 3 个机构');

    await pressUntil('ArrowDown', (f) => f.tag === 'BUTTON' && f.text.includes('公证处') && !f.key);
    const chosen = (await focused()).text;
    await page.keyboard.press('Enter');

    const institution = sample.institutions.find((item) => chosen.includes(item.name['zh-CN']))!;
    expect(institution.kind).toBe('notary_office');
    await page.getByRole('heading', { name: institution.name['zh-CN'] }).waitFor();
    await expect(page.getByText(institution.phone, { exact: true }).isVisible()).resolves.toBe(true);
    const digits = page.locator('.institution-detail__phone-digits');
    const size = await digits.evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize));
    expect(size).toBeGreaterThanOrEqual(60);

    // Everything was read aloud on opening: name, address (spoken), phone digit by digit, the QR hint.
    await expect
      .poll(async () => (await speechLog()).map((entry) => entry.text).join('\n'), { timeout: 5000 })
      .toContain(institution.address['zh-CN']);
    const spoken = (await speechLog()).map((entry) => entry.text).join('\n');
    expect(spoken).toContain(institution.name['zh-CN']);
    expect(spoken).toContain([...institution.phone].join(' '));
    expect(spoken).toContain('扫描二维码');

    // first an https web map (WeChat's scanner and the iPhone camera open it): the code holds what the screen says
    const link = await decodeQr('svg.map-qr');
    expect(link).not.toBeNull();
    const shown = await page.locator('.institution-detail__map-link [lang="en"]').textContent();
    expect(link).toBe(shown);
    const web = new URL(link!);
    expect(web.origin).toBe('https://uri.amap.com');
    const [webLon, webLat] = web.searchParams.get('position')!.split(',').map(Number);
    expect(webLat).toBeCloseTo(institution.location!.lat, 6);
    expect(webLon).toBeCloseTo(institution.location!.lon, 6);
    expect(web.searchParams.get('name')).toBe(institution.name['zh-CN']);

    // then, on request, the geo: URI that Android map apps open
    await page.getByRole('button', { name: /换成地图应用用的二维码/ }).click();
    await page.getByRole('button', { name: /换成地图应用用的二维码/, pressed: true }).waitFor();
    const uri = await decodeQr('svg.map-qr');
    expect(uri).toBe(await page.locator('.institution-detail__map-link [lang="en"]').textContent());
    const match = /^geo:(-?[\d.]+),(-?[\d.]+)\?q=(-?[\d.]+),(-?[\d.]+)\((.*)\)$/.exec(uri!);
    expect(match, uri!).not.toBeNull();
    const [, lat, lon, qLat, qLon, label] = match!;
    expect(Number(lat)).toBeCloseTo(institution.location!.lat, 6);
    expect(Number(lon)).toBeCloseTo(institution.location!.lon, 6);
    expect([qLat, qLon]).toEqual([lat, lon]);
    expect(decodeURIComponent(label!)).toBe(institution.name['zh-CN']);
  });

  it('the detail and search screens pass axe in every theme', async () => {
    await axeInEveryTheme('institution detail');
    await page.getByRole('button', { name: '返回查找结果' }).click();
    await page.getByRole('heading', { name: '法律服务机构' }).waitFor();
    await axeInEveryTheme('directory search');
  });

  it('filters by kind and district with large buttons', async () => {
    await page.getByRole('button', { name: '清空' }).click();
    await page.getByRole('button', { name: '仲裁委员会秘书处' }).click();
    await page.locator('.directory-results__count', { hasText: '找到 1 个机构' }).waitFor();
    await expect(page.getByRole('button', { name: '仲裁委员会秘书处', pressed: true }).count()).resolves.toBe(
      1,
    );
    await page.getByRole('button', { name: '全部类别' }).click();
    await page.getByRole('button', { name: '固阳县' }).click();
    await page.locator('.directory-results__count', { hasText: '找到 3 个机构' }).waitFor();
  });
});

describe('notary fee calculator in Chromium', () => {
  it("a 72-year-old's first will is free, and the rule and its source are shown", async () => {
    await page.getByRole('button', { name: '回到首页' }).click();
    await page.getByRole('button', { name: /公证与费用减免/ }).click();
    await page.getByRole('heading', { name: '您要办理什么公证？' }).waitFor();
    await axeInEveryTheme('fee question');
    await page.getByRole('radio', { name: '遗嘱公证' }).click();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('heading', { name: '您的残疾人证上是几级？' }).waitFor();
    await page.getByRole('radio', { name: '四级' }).click();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('heading', { name: '您今年多少周岁？' }).waitFor();
    await axeInEveryTheme('fee age question');
    await page.getByRole('button', { name: '7', exact: true }).click();
    await page.getByRole('button', { name: '2', exact: true }).click();
    await page.getByText('72 周岁').waitFor();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('heading', { name: '这是您第一次办理遗嘱公证吗？' }).waitFor();
    await page.getByRole('radio', { name: '是' }).click();
    await page.getByRole('button', { name: '下一步' }).click();

    await page.getByRole('heading', { name: '计算结果' }).waitFor();
    await expect(page.getByTestId('fee-headline').textContent()).resolves.toBe('免收公证费');
    await page.getByText('适用规定：70周岁以上残疾人首次办理遗嘱公证，免收公证费').waitFor();
    await page.getByText(/年龄超过70周岁的残疾人首次申请办理遗嘱公证/).waitFor();
    await axeInEveryTheme('fee result');
  });

  it('"start a notarization request" opens the notarization form with the result in its fee slot', async () => {
    await page.getByRole('button', { name: '开始办理公证申请' }).click();
    await page.waitForFunction(() => window.__kioskDebug!.store.getState().screen.name === 'form_step');
    const draftId = await page.evaluate(() => {
      const screen = window.__kioskDebug!.store.getState().screen;
      return screen.name === 'form_step' ? screen.draftId : '';
    });
    const response = await page.request.post(`${host.origin}/rpc`, {
      headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' },
      data: { method: 'forms.get_draft', args: { draftId } },
    });
    const body = await response.json();
    expect(body.ok).toBe(true);
    expect(body.value.draft.template.id).toBe('notarization_request');
    // The core's own quote, in fen, with the rule the visitor saw.
    expect(body.value.draft.feeReduction).toMatchObject({
      matterId: 'will',
      reductionPercent: 100,
      feeToPayFen: 0,
      applied: { ruleId: 'over_70_first_will' },
    });
    await page.getByRole('button', { name: '回到首页' }).click();
    await page.getByRole('button', { name: /公证与费用减免/ }).click();
    await page.getByRole('heading', { name: '您要办理什么公证？' }).waitFor();
  });

  it('the same visitor at 70 is not "older than 70": the calculator asks on and charges the standard fee', async () => {
    await page.getByRole('radio', { name: '遗嘱公证' }).click();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('radio', { name: '四级' }).click();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('button', { name: '7', exact: true }).click();
    await page.getByRole('button', { name: '0', exact: true }).click();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('heading', { name: '您是否符合法律援助条件？' }).waitFor();
    await page.getByRole('radio', { name: '否' }).click();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('heading', { name: '公证处告诉您的收费标准是多少元？' }).waitFor();
    for (const key of ['3', '0', '0']) await page.getByRole('button', { name: key, exact: true }).click();
    await page.getByRole('button', { name: '下一步' }).click();
    await expect(page.getByTestId('fee-headline').textContent()).resolves.toBe('需缴费用：300 元');
    await page.getByText('按您的回答，没有适用的减免规定，按标准收费。').waitFor();
  });
});

describe('legal knowledge and the legal-aid guide', () => {
  it('shows the featured campaign, articles and the guide, each passing axe in every theme', async () => {
    await page.getByRole('button', { name: '回到首页' }).click();
    await page.getByRole('button', { name: /法律知识/ }).click();
    await page.getByRole('heading', { name: '法律知识' }).waitFor();
    await page
      .getByText(/正在进行：|即将到来：/)
      .first()
      .waitFor();
    await axeInEveryTheme('knowledge');
    await page.getByRole('button', { name: /残疾人享有平等权利/ }).click();
    await page.getByRole('heading', { name: '残疾人享有平等权利' }).waitFor();
    await axeInEveryTheme('article');
    await page.getByRole('button', { name: '返回文章列表' }).click();
    await page.getByRole('button', { name: '法律援助指南' }).click();
    await page.getByRole('heading', { name: '法律援助指南' }).waitFor();
    await page.getByText(/不需要带经济困难证明/).waitFor();
    await axeInEveryTheme('legal-aid guide');
  });
});

describe('other languages and the largest text size', () => {
  const overflow = () =>
    page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

  it('at the largest text size nothing scrolls sideways on the directory, detail and fee screens', async () => {
    await page.getByRole('button', { name: '回到首页' }).click();
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: '文字变大' }).click();
    await page.getByRole('button', { name: /法律服务机构/ }).click();
    await page.locator('.sample-notice').waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.locator('.institution-card').first().click();
    await page.locator('svg.map-qr').waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    expect(await runAxe(page)).toEqual([]);
    await page.getByRole('button', { name: '回到首页' }).click();
    await page.getByRole('button', { name: /公证与费用减免/ }).click();
    await page.getByRole('radio', { name: '继承公证' }).click();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('radio', { name: '三级' }).click();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('heading', { name: '要继承的遗产一共值多少元？' }).waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: '文字变小' }).click();
  });

  it('in English and in Mongolian the screens are marked with their languages and pass axe', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Home' }).click();
    await page
      .getByRole('button', { name: /Legal service places/ })
      .first()
      .click();
    await page.getByRole('heading', { name: 'Legal service places' }).waitFor();
    await page.locator('.sample-notice', { hasText: 'Sample data' }).waitFor();
    expect(await runAxe(page)).toEqual([]);
    await page.locator('.institution-card').first().click();
    await page.locator('svg.map-qr').waitFor();
    expect(await runAxe(page)).toEqual([]);
    const mongolian = page.locator('.a11y-bar button[lang="mn-Mong-CN"]');
    await mongolian.click();
    await page.waitForFunction(() => document.documentElement.lang === 'mn-Mong-CN');
    expect(await runAxe(page)).toEqual([]);
    await page.getByRole('button', { name: '中文' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  });
});
