import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAxe } from '../support/axe';
import {
  agentSignsIn,
  type InboundVideo,
  inboundVideo,
  openCallScreen,
  startVideoWorld,
  type VideoWorld,
} from './video_fixture';

let world: VideoWorld;

beforeAll(async () => {
  world = await startVideoWorld();
}, 90_000);
afterAll(() => world?.stop());

async function rpc(method: string, args: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${world.host.origin}/rpc`, {
    method: 'POST',
    headers: { authorization: `Bearer ${world.host.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ method, args }),
  });
  const body = (await response.json()) as { ok: boolean; value?: Record<string, unknown> };
  if (!body.ok) throw new Error(`${method} failed`);
  return body.value!;
}

/** Polls getStats until the inbound video meets the bar or 10 s pass; returns the last reading. */
async function videoWithin10s(page: Page, side: 'kiosk' | 'agent'): Promise<InboundVideo | null> {
  const deadline = Date.now() + 10_000;
  let last: InboundVideo | null = null;
  while (Date.now() < deadline) {
    last = await inboundVideo(page, side);
    // At least 2 s of decoded video, so the frame rate is a sustained one, not the first burst.
    if (
      last &&
      last.frameWidth >= 640 &&
      last.frameHeight >= 480 &&
      last.framesPerSecond >= 20 &&
      last.framesDecoded >= 40
    )
      return last;
    await page.waitForTimeout(250);
  }
  return last;
}

describe('video call between the kiosk and the agent console', () => {
  it('nobody on duty: the callback form is offered, with 12348 and the centre phone, and lands in the outbox', async () => {
    const kiosk = await world.browser.newPage();
    await openCallScreen(kiosk, world.host);
    await kiosk.getByText('现在没有人值班').waitFor();
    await expect(kiosk.getByText('法律援助热线：12348').isVisible()).resolves.toBe(true);
    await expect(kiosk.getByText('本中心电话：12348').isVisible()).resolves.toBe(true);
    expect(await runAxe(kiosk)).toEqual([]);
    await kiosk.getByRole('button', { name: '留下联系方式，请人回电' }).click();
    await kiosk.getByRole('heading', { name: /请求回电/ }).waitFor();
    await kiosk.close();

    // The visitor's answers (the forms UI has its own e2e), submitted like any form: it goes to the outbox.
    const started = (await rpc('forms.start_draft', { templateId: 'callback_request' })) as {
      draft: { draftId: string };
    };
    const draftId = started.draft.draftId;
    for (const [stepId, value] of [
      ['full_name', '张三'],
      ['reach_by', 'this_terminal'],
      ['preferred_time', 'asap'],
      ['sign_language', true],
    ] as const)
      await rpc('forms.save_answer', { draftId, stepId, value });
    const queued = async () => {
      const status = (await rpc('sync.status', {})) as { queue: Record<string, number> };
      return Object.values(status.queue).reduce((a, b) => a + b, 0);
    };
    const before = await queued();
    const submitted = await rpc('forms.submit', { draftId });
    expect(submitted).toMatchObject({ ok: true, priority: true });
    expect(await queued()).toBe(before + 1);
  }, 60_000);

  it('agent signs in, kiosk calls, agent answers: video ≥ 640×480 at ≥ 20 fps both ways, chat both ways, hang-up frees the camera', async () => {
    const agent = await world.browser.newPage();
    await agentSignsIn(agent, world.hub.url, await world.agentToken('李老师'));
    expect(await runAxe(agent)).toEqual([]);

    const kiosk = await world.browser.newPage();
    await openCallScreen(kiosk, world.host);
    await kiosk.getByRole('button', { name: '呼叫手语翻译' }).click();
    await kiosk.getByText('正在呼叫，请稍候……').first().waitFor();

    await agent
      .getByRole('alert')
      .getByText(/来电！/)
      .waitFor();
    expect(await agent.evaluate(() => document.body.classList.contains('ringing'))).toBe(true);
    await agent.getByRole('button', { name: '接听', exact: true }).click();
    await kiosk.getByText('已接通 李老师').first().waitFor();

    const [atKiosk, atAgent] = await Promise.all([
      videoWithin10s(kiosk, 'kiosk'),
      videoWithin10s(agent, 'agent'),
    ]);
    console.log(JSON.stringify({ event: 'video_e2e_stats', kiosk: atKiosk, agent: atAgent }));
    for (const seen of [atKiosk, atAgent]) {
      expect(seen?.frameWidth).toBeGreaterThanOrEqual(640);
      expect(seen?.frameHeight).toBeGreaterThanOrEqual(480);
      expect(seen?.framesPerSecond).toBeGreaterThanOrEqual(20);
      expect(seen?.framesDecoded).toBeGreaterThanOrEqual(40);
    }

    await kiosk.getByLabel('输入文字').fill('请慢一点');
    await kiosk.getByRole('button', { name: '发送' }).click();
    await agent.locator('#chat-log').getByText('来访者: 请慢一点').waitFor();
    await agent.getByLabel('输入消息').fill('好的，我慢慢打手语');
    await agent.getByRole('button', { name: '发送' }).click();
    await kiosk.locator('.video-chat__log').getByText('好的，我慢慢打手语').waitFor();

    await agent.getByRole('button', { name: '挂断' }).click();
    await kiosk.getByRole('button', { name: '呼叫手语翻译' }).waitFor();
    const tracks = await kiosk.evaluate(() =>
      (window.__videoDebug?.local()?.getTracks() ?? []).map((track) => track.readyState),
    );
    expect(tracks.length).toBeGreaterThan(0);
    expect(tracks.every((state) => state === 'ended')).toBe(true);
    expect(await kiosk.evaluate(() => window.__videoDebug!.connections().length)).toBe(0);

    // The visitor ends the second call from the kiosk side.
    await kiosk.getByRole('button', { name: '呼叫手语翻译' }).click();
    await agent.getByRole('button', { name: '接听', exact: true }).click();
    await kiosk.getByText('已接通 李老师').first().waitFor();
    await kiosk.getByRole('button', { name: '结束通话' }).click();
    await kiosk.getByRole('button', { name: '呼叫手语翻译' }).waitFor();
    await agent.getByText('通话已结束').waitFor();
    expect(
      await kiosk.evaluate(() =>
        (window.__videoDebug?.local()?.getTracks() ?? []).every((t) => t.readyState === 'ended'),
      ),
    ).toBe(true);
    await agent.close();
    await kiosk.close();
  }, 90_000);
});
