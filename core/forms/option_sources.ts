import type { FieldOption, OptionSource } from '../../common/forms/template_schema';

export interface PublishedOptions {
  options: FieldOption[];
  /** True while the list is the bundled sample, not data published by the hub. */
  sample: boolean;
}

/**
 * Lists of options that come from published data. Until the hub publishes the legal-aid lawyer list,
 * the kiosk offers a clearly labelled sample (示例数据): these are not real people.
 */
const SAMPLE_LAWYERS: FieldOption[] = [1, 2, 3].map((n) => ({
  value: `sample_lawyer_${n}`,
  label: {
    'zh-CN': `示例律师${'甲乙丙'[n - 1]}（示例数据，非真实律师）`,
    en: `Sample lawyer ${'ABC'[n - 1]} (sample data, not a real lawyer)`,
  },
}));

export type OptionProvider = (source: OptionSource) => PublishedOptions;

export const sampleOptionProvider: OptionProvider = (source) => {
  switch (source) {
    case 'published_lawyers':
      return { options: SAMPLE_LAWYERS, sample: true };
  }
};
