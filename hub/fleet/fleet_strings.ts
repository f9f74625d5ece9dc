import type { UpdateRefusal } from '../../common/updates/signed_feed';

/** The fleet page's words in the hub administrators' languages; the page picks one per request. */
export const FLEET_STRINGS = {
  'zh-CN': {
    title: '终端运行状态',
    summary: (total: number, stale: number) => `共 ${total} 台终端，其中 ${stale} 台超过 15 分钟没有心跳。`,
    none: '还没有终端发送过心跳。',
    caption: '每台终端最近一次心跳报告的状态（没有心跳的终端排在最前）',
    terminal: '终端编号',
    state: '心跳',
    lastHeartbeat: '最近心跳',
    version: '软件版本',
    queue: '待发送申请',
    problems: '退回或隔离',
    lastSync: '最近同步',
    printer: '打印机',
    speech: '语音',
    update: '最近更新',
    updateNone: '无',
    updated: (version: string) => `已更新到 ${version}`,
    updateFailed: (attempted: string, running: string) => `更新到 ${attempted} 失败，仍在运行 ${running}`,
    updateRefused: (reason: string, at: string) => `拒绝了更新（${at}）：${reason}`,
    refusals: {
      unsigned: '更新信息没有签名',
      wrong_key: '签名密钥不受信任',
      bad_signature: '签名不对（内容被改过）',
      bad_feed: '更新信息无法读取',
      wrong_channel: '属于其他频道或平台',
      not_yet_valid: '签发时间在将来（终端时钟？）',
      expired: '更新信息已过期',
      replayed: '旧的更新信息被重新提供（重放）',
      downgrade: '要降到更旧的版本',
      tampered: '安装包与签名不一致（被篡改）',
    } as Record<UpdateRefusal, string>,
    stale: '已失联（超过 15 分钟）',
    fresh: '正常',
    never: '从未',
    status: { ok: '正常', degraded: '部分故障', offline: '离线', unknown: '未知' } as Record<string, string>,
    generatedAt: '页面生成时间',
  },
  en: {
    title: 'Terminal fleet',
    summary: (total: number, stale: number) =>
      `Terminals: ${total}. Without a heartbeat for more than 15 minutes: ${stale}.`,
    none: 'No terminal has sent a heartbeat yet.',
    caption: 'Last reported state of every terminal (terminals without a recent heartbeat first)',
    terminal: 'Terminal',
    state: 'Heartbeat',
    lastHeartbeat: 'Last heartbeat',
    version: 'App version',
    queue: 'Applications waiting',
    problems: 'Rejected or quarantined',
    lastSync: 'Last sync',
    printer: 'Printer',
    speech: 'Speech',
    update: 'Last update',
    updateNone: 'none',
    updated: (version: string) => `updated to ${version}`,
    updateFailed: (attempted: string, running: string) =>
      `update to ${attempted} failed; still running ${running}`,
    updateRefused: (reason: string, at: string) => `refused an update (${at}): ${reason}`,
    refusals: {
      unsigned: 'feed not signed',
      wrong_key: 'signed with an untrusted key',
      bad_signature: 'bad signature (content changed)',
      bad_feed: 'feed unreadable',
      wrong_channel: 'feed for another channel or platform',
      not_yet_valid: 'issued in the future (terminal clock?)',
      expired: 'feed expired',
      replayed: 'an old feed served again (replay)',
      downgrade: 'would install an older version',
      tampered: 'build does not match the signed feed (tampered)',
    } as Record<UpdateRefusal, string>,
    stale: 'Stale (over 15 minutes)',
    fresh: 'OK',
    never: 'never',
    status: { ok: 'OK', degraded: 'degraded', offline: 'offline', unknown: 'unknown' } as Record<
      string,
      string
    >,
    generatedAt: 'Page generated at',
  },
} as const;
export type FleetLanguage = keyof typeof FLEET_STRINGS;

export function pickFleetLanguage(query: string | null, acceptLanguage: string | undefined): FleetLanguage {
  if (query === 'en' || query === 'zh-CN') return query;
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}
