import fs from 'node:fs';
import path from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';

const LOCALES = path.resolve(import.meta.dirname, '../../../assets/locales');
const load = (language: string) =>
  JSON.parse(fs.readFileSync(path.join(LOCALES, language, 'sync.json'), 'utf8'));

async function translator(language: string) {
  const instance = i18next.createInstance();
  await instance.init({
    lng: language,
    fallbackLng: 'zh-CN',
    ns: ['sync'],
    defaultNS: 'sync',
    resources: {
      en: { sync: load('en') },
      'zh-CN': { sync: load('zh-CN') },
      'mn-Mong-CN': { sync: load('mn-Mong-CN') },
    },
    interpolation: { escapeValue: false },
  });
  return instance.t.bind(instance);
}

describe('sync status wording', () => {
  it('says plainly how many applications wait and when the centre was last reached', async () => {
    const t = await translator('en');
    const line = t('status.summary', {
      waiting: t('status.waiting', { count: 3 }),
      contact: t('status.last_contact', { ago: t('ago.days', { count: 2 }) }),
    });
    expect(line).toBe('3 applications waiting to be sent; last contact 2 days ago');
    expect(t('status.waiting', { count: 1 })).toBe('1 application waiting to be sent');
    expect(t('ago.days', { count: 1 })).toBe('1 day ago');
  });

  it('has the same sentence in Chinese, and in (drafted) traditional Mongolian', async () => {
    const sentence = async (language: string) => {
      const t = await translator(language);
      return t('status.summary', {
        waiting: t('status.waiting', { count: 3 }),
        contact: t('status.last_contact', { ago: t('ago.days', { count: 2 }) }),
      });
    };
    expect(await sentence('zh-CN')).toBe('3 份申请等待发送；上次联系：2 天前');
    const mongolian = await sentence('mn-Mong-CN');
    // Mongolian script with both numbers, no Chinese fallback inside, never Cyrillic
    expect(mongolian).toMatch(/^3 [\u1800-\u18af].*2 [\u1800-\u18af]/u);
    expect(mongolian).not.toMatch(/[\u3400-\u9fff\u0400-\u04ff]/u);
  });

  it('explains every worker state and every refusal reason to staff', async () => {
    const t = await translator('en');
    for (const state of ['not_configured', 'not_enrolled', 'update_required', 'offline', 'idle', 'sending'])
      expect(t(`state.${state}`)).not.toBe(`state.${state}`);
    for (const reason of [
      'hash_mismatch',
      'invalid_payload',
      'unknown_template_version',
      'wrong_terminal',
      'too_large',
      'conflict',
    ])
      expect(t(`staff.reasons.${reason}`)).not.toBe(`staff.reasons.${reason}`);
  });
});
