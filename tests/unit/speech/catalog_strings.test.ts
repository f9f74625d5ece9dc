import { describe, expect, it } from 'vitest';
import {
  flattenCatalog,
  isDynamicCatalogText,
  staticCatalogStrings,
} from '../../../common/speech/catalog_strings';

describe('catalog strings for pre-rendering', () => {
  const catalog = {
    title: '公共法律服务',
    home: { heading: '请选择服务', greeting: '您好，{{name}}' },
    steps: ['第一步', '第二步'],
    empty: '  ',
  };

  it('flattens nested keys into namespace:dotted.key', () => {
    expect(flattenCatalog('common', catalog)).toEqual([
      { key: 'common:title', text: '公共法律服务' },
      { key: 'common:home.heading', text: '请选择服务' },
      { key: 'common:home.greeting', text: '您好，{{name}}' },
      { key: 'common:steps.0', text: '第一步' },
      { key: 'common:steps.1', text: '第二步' },
      { key: 'common:empty', text: '  ' },
    ]);
  });

  it('skips strings with placeholders (synthesized live) and empty ones', () => {
    expect(isDynamicCatalogText('对比度：{{theme}}')).toBe(true);
    expect(isDynamicCatalogText('请选择服务')).toBe(false);
    expect(staticCatalogStrings(flattenCatalog('common', catalog)).map((s) => s.key)).toEqual([
      'common:title',
      'common:home.heading',
      'common:steps.0',
      'common:steps.1',
    ]);
  });
});
