import { describe, expect, it } from 'vitest';
import { signKeySchema } from '../../../common/sign_language/sign_key_schema';
import {
  articleSignKey,
  catalogSignKey,
  parseSignKey,
  templateSignKey,
} from '../../../common/sign_language/sign_keys';

describe('sign keys', () => {
  it('writes and reads the three kinds', () => {
    expect(parseSignKey(catalogSignKey('home.heading'))).toEqual({
      kind: 'catalog',
      catalogKey: 'common:home.heading',
    });
    const template = { id: 'legal_aid_application', version: '1.1.0' };
    expect(parseSignKey(templateSignKey(template, 'sex', { text: 'option', value: 'male' }))).toEqual({
      kind: 'template',
      templateId: 'legal_aid_application',
      version: '1.1.0',
      stepId: 'sex',
      part: { text: 'option', value: 'male' },
    });
    expect(templateSignKey(template, 'full_name', { text: 'prompt' })).toBe(
      'template:legal_aid_application@1.1.0:full_name.prompt',
    );
    expect(parseSignKey(articleSignKey('legal-aid-basics'))).toEqual({
      kind: 'article',
      articleId: 'legal-aid-basics',
    });
  });

  it.each([
    'catalog:common',
    'catalog:Common:home.heading',
    'catalog:common:home heading',
    'template:legal_aid_application@1.1:full_name.prompt',
    'template:legal_aid_application@1.1.0:full_name.help',
    'template:legal_aid_application@1.1.0:../etc.prompt',
    'template:legal_aid_application@1.1.0:sex.option.Male',
    'article:../../etc/passwd',
    'article:a"; DROP TABLE assets; --',
    'article:$(reboot)',
    'article:x\nsecond line',
    `catalog:common:${'a'.repeat(300)}`,
    'something:else',
    '',
  ])('refuses %j', (key) => {
    expect(parseSignKey(key)).toBeNull();
    expect(signKeySchema.safeParse(key).success).toBe(false);
  });
});
