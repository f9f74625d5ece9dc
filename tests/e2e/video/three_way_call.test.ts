import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAxe } from '../support/axe';
import {
  agentSignsIn,
  type InboundVideo,
  inboundByConnection,
  openCallScreen,
  startVideoWorld,
  type VideoWorld,
} from './video_fixture';

let world: VideoWorld;

beforeAll(async () => {
  world = await startVideoWorld();
}, 90_000);
afterAll(() => world?.stop());

/** Each connection of the page decodes video from its party: `connections` of them, ≥ 30 frames, ≥ 320×240. */
async function decodingFromEach(
  page: Page,
  side: 'kiosk' | 'agent',
  connections: number,
): Promise<InboundVideo[]> {
  const deadline = Date.now() + 15_000;
  let last: InboundVideo[] = [];
  while (Date.now() < deadline) {
    last = await inboundByConnection(page, side);
    const good = last.filter((v) => v.framesDecoded >= 30 && v.frameWidth >= 320 && v.frameHeight >= 240);
    if (last.length === connections && good.length === connections) return last;
    await page.waitForTimeout(250);
  }
  return last;
}

const framesOf = (videos: InboundVideo[]) => videos.map((v) => v.framesDecoded);

describe('three-way call: visitor, sign-language interpreter and duty lawyer', () => {
  it('the interpreter answers and invites a lawyer; all three see both others and chat reaches everyone; the lawyer leaves and the call goes on', async () => {
    const interpreter = await world.browser.newPage();
    await agentSignsIn(interpreter, world.hub.url, await world.agentToken('李老师'));
    const lawyer = await world.browser.newPage();
    await agentSignsIn(lawyer, world.hub.url, await world.agentToken('王律师'), '值班律师');

    const kiosk = await world.browser.newPage();
    await openCallScreen(kiosk, world.host);
    await kiosk.getByRole('button', { name: '呼叫手语翻译' }).click();
    await interpreter
      .getByRole('alert')
      .getByText(/来电！/)
      .waitFor();
    await interpreter.getByRole('button', { name: '接听', exact: true }).click();
    await kiosk.getByText('已接通 李老师').first().waitFor();

    await interpreter.locator('#invite-kind').selectOption('lawyer');
    await interpreter.getByRole('button', { name: '邀请第二位值班人员' }).click();
    await lawyer
      .getByRole('alert')
      .getByText(/邀请您加入通话/)
      .waitFor();
    await lawyer.getByRole('button', { name: '接听', exact: true }).click();
    await kiosk.getByText('已接通 李老师、王律师').first().waitFor();

    const [atKiosk, atInterpreter, atLawyer] = await Promise.all([
      decodingFromEach(kiosk, 'kiosk', 2),
      decodingFromEach(interpreter, 'agent', 2),
      decodingFromEach(lawyer, 'agent', 2),
    ]);
    console.log(JSON.stringify({ event: 'video_three_way_stats', atKiosk, atInterpreter, atLawyer }));
    for (const seen of [atKiosk, atInterpreter, atLawyer]) {
      expect(seen).toHaveLength(2);
      for (const video of seen) {
        expect(video.framesDecoded).toBeGreaterThanOrEqual(30);
        expect(video.frameWidth).toBeGreaterThanOrEqual(320);
        expect(video.frameHeight).toBeGreaterThanOrEqual(240);
      }
    }
    // The kiosk shows both: the interpreter large, the lawyer beside, each named.
    await kiosk.locator('.video-call__remote').and(kiosk.getByLabel('李老师的视频')).waitFor();
    await kiosk.locator('.video-call__remote-extra').and(kiosk.getByLabel('王律师的视频')).waitFor();
    // A sound indicator per party, named, on every side.
    await kiosk.getByRole('meter', { name: '李老师的声音' }).waitFor();
    await kiosk.getByRole('meter', { name: '王律师的声音' }).waitFor();
    await interpreter.getByRole('meter', { name: '声音: 来访者' }).waitFor();
    await interpreter.getByRole('meter', { name: '声音: 王律师' }).waitFor();
    await lawyer.getByRole('meter', { name: '声音: 李老师' }).waitFor();
    expect(await runAxe(kiosk)).toEqual([]);
    expect(await runAxe(interpreter)).toEqual([]);

    await kiosk.getByLabel('输入文字').fill('我想问房租的事');
    await kiosk.getByRole('button', { name: '发送' }).click();
    await interpreter.locator('#chat-log').getByText('来访者: 我想问房租的事').waitFor();
    await lawyer.locator('#chat-log').getByText('来访者: 我想问房租的事').waitFor();
    await lawyer.getByLabel('输入消息').fill('请带上租赁合同');
    await lawyer.getByRole('button', { name: '发送' }).click();
    await kiosk.locator('.video-chat__log').getByText('请带上租赁合同').waitFor();
    await interpreter.locator('#chat-log').getByText('王律师: 请带上租赁合同').waitFor();

    // The lawyer leaves: visitor and interpreter keep their call, and video keeps flowing between them.
    await lawyer.getByRole('button', { name: '挂断' }).click();
    await kiosk.getByText('已接通 李老师', { exact: true }).first().waitFor();
    await expect.poll(() => kiosk.evaluate(() => window.__videoDebug!.connections().length)).toBe(1);
    await expect.poll(async () => (await inboundByConnection(interpreter, 'agent')).length).toBe(1);
    expect(await kiosk.getByLabel('王律师的视频').count()).toBe(0);
    const before = framesOf(await inboundByConnection(kiosk, 'kiosk'))[0] ?? 0;
    await expect
      .poll(async () => framesOf(await inboundByConnection(kiosk, 'kiosk'))[0] ?? 0, { timeout: 5_000 })
      .toBeGreaterThan(before + 20);
    await kiosk.getByLabel('输入文字').fill('谢谢');
    await kiosk.getByRole('button', { name: '发送' }).click();
    await interpreter.locator('#chat-log').getByText('来访者: 谢谢').waitFor();
    expect(await lawyer.locator('#chat-log').getByText('来访者: 谢谢').count()).toBe(0);

    await kiosk.getByRole('button', { name: '结束通话' }).click();
    await interpreter.getByText('通话已结束').waitFor();
    await kiosk.getByRole('button', { name: '呼叫手语翻译' }).waitFor();
    expect(await kiosk.evaluate(() => window.__videoDebug!.connections().length)).toBe(0);
    for (const page of [kiosk, interpreter, lawyer]) await page.close();
  }, 120_000);
});
