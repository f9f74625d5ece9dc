import { spawn } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { staticCatalogStrings } from '../../common/speech/catalog_strings';
import { createKioskCore } from '../../core/kiosk_core';
import { loadCatalogStrings } from '../../core/speech/catalogs';
import { parseWav } from '../../core/speech/wav';
import { startHttpRpcServer } from '../../devhost/http_rpc_server';
import { createMemoryLogger } from '../../node_shared/logger';
import { percentile, report } from './bench_report';

/**
 * Speech latency: time from the request to the WAV bytes in hand (decoded from the RPC answer), for
 * catalog strings the first time (synthesized), cached, through the HTTP transport of the dev host, and
 * for live 30-character sentences; plus a naive baseline (one espeak-ng process per utterance, no cache)
 * over the same strings in the same run. espeak-ng writes the whole WAV at once, so "first sample
 * available" and "all bytes available" are the same moment here.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-speech-bench-'));
process.env.KIOSK_SPEECH_PRERENDER = '0';
const core = createKioskCore({
  dataDir,
  configPath: path.join(ROOT, 'assets/config.sample.json'),
  appVersion: 'bench',
  logger: createMemoryLogger(),
});

type Item = { text: string; language: 'zh-CN' | 'en'; key: string };
// UI strings: short static catalog strings (titles, buttons, prompts), both spoken languages.
const items: Item[] = (['zh-CN', 'en'] as const).flatMap((language) =>
  staticCatalogStrings(loadCatalogStrings(path.join(ROOT, 'assets/locales'), language))
    .filter((s) => s.text.length <= (language === 'en' ? 80 : 40))
    .map((s) => ({ text: s.text, language, key: s.key })),
);
const unique = [...new Map(items.map((i) => [`${i.language}|${i.text}`, i])).values()].slice(0, 300);

async function timed(run: () => Promise<Buffer | null>): Promise<number> {
  const start = performance.now();
  const wav = await run();
  const ms = performance.now() - start;
  if (!wav || !parseWav(wav)) throw new Error('no audio');
  return ms;
}

async function viaDispatch(item: Item, kind: 'ui' | 'dynamic' = 'ui'): Promise<Buffer | null> {
  const response = await core.dispatch('speech.render', { ...item, kind });
  if (!response.ok) return null;
  const value = response.value as { ok: boolean; audio?: string };
  return value.ok && value.audio ? Buffer.from(value.audio, 'base64') : null;
}

function naiveSpawn(item: Item): Promise<Buffer | null> {
  return new Promise((resolve) => {
    const voice = item.language === 'zh-CN' ? 'cmn-latn-pinyin' : 'en-us';
    const child = spawn('espeak-ng', ['-v', voice, '-b', '1', '--stdin', '--stdout']);
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.on('close', () => resolve(Buffer.concat(chunks)));
    child.stdin.end(item.text);
  });
}

function line(metric: string, samples: number[], target?: string) {
  for (const p of [50, 95] as const) {
    report({
      bench: 'speech',
      metric: `${metric}_p${p}`,
      value: percentile(samples, p),
      unit: 'ms',
      samples: samples.length,
      ...(p === 95 && target ? { target } : {}),
    });
  }
}

const baseline: number[] = [];
for (const item of unique) baseline.push(await timed(() => naiveSpawn(item)));
line('naive_spawn_per_utterance', baseline);

const firstTime: number[] = [];
for (const item of unique) firstTime.push(await timed(() => viaDispatch(item)));
line('ui_uncached_dispatch', firstTime);

const cached: number[] = [];
for (const item of unique) cached.push(await timed(() => viaDispatch(item)));
line('ui_cached_dispatch', cached, '<= 150');

// The dev host's HTTP transport, as the renderer in Chromium uses it (JSON + base64 over loopback).
const token = 'bench-token';
const server = await startHttpRpcServer({
  dispatch: core.dispatch,
  events: core.events,
  token,
  staticRoot: path.join(ROOT, 'dist', 'renderer'),
  port: 0,
});
const { port } = server.address() as AddressInfo;
const viaHttp = async (item: Item): Promise<Buffer | null> => {
  const response = await fetch(`http://127.0.0.1:${port}/rpc`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ method: 'speech.render', args: { ...item, kind: 'ui' } }),
  });
  const body = (await response.json()) as { ok: boolean; value?: { ok: boolean; audio?: string } };
  return body.ok && body.value?.audio ? Buffer.from(body.value.audio, 'base64') : null;
};
const httpCached: number[] = [];
for (const item of unique) httpCached.push(await timed(() => viaHttp(item)));
line('ui_cached_devhost_http', httpCached, '<= 150');
server.close();

// Live dynamic text: 30-character sentences, each different (dynamic text is never cached).
const zhSentence = (i: number) =>
  `您好，您的申请编号是第${i}号，请到三号窗口办理相关的法律援助手续。`.slice(0, 30);
const enSentence = (i: number) => `Your number is ${i}, go to desk 3.`.padEnd(30, '.').slice(0, 30);
const live: number[] = [];
const liveNaive: number[] = [];
for (let i = 0; i < 60; i++) {
  const item: Item =
    i % 2
      ? { text: enSentence(i), language: 'en', key: '' }
      : { text: zhSentence(i), language: 'zh-CN', key: '' };
  const { key: _key, ...args } = item;
  live.push(await timed(() => viaDispatch(args as Item, 'dynamic')));
  liveNaive.push(await timed(() => naiveSpawn(item)));
}
line('live_30_chars_dispatch', live, '<= 400');
line('live_30_chars_naive_spawn', liveNaive);

core.close();
fs.rmSync(dataDir, { recursive: true, force: true });
