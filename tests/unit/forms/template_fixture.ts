import type { TemplateInput } from '../../../common/forms/template_schema';

const t = (text: string) => ({ 'zh-CN': text, en: text });

/** A small valid template; tests copy it and break one thing. */
export function smallTemplate(): TemplateInput {
  return {
    id: 'small_form',
    version: '1.0.0',
    category: 'consultation',
    title: t('Small form'),
    description: t('A form for tests'),
    sections: [
      {
        id: 'main',
        title: t('Main'),
        steps: [
          {
            id: 'name',
            field: { type: 'text', maxLength: 20 },
            required: true,
            label: t('Name'),
            prompt: t('Name?'),
          },
          { id: 'has_cert', field: { type: 'yes_no' }, required: true, label: t('Cert'), prompt: t('Cert?') },
          {
            id: 'level',
            field: {
              type: 'single_choice',
              options: [
                { value: 'level_1', label: t('1') },
                { value: 'level_2', label: t('2') },
              ],
            },
            required: true,
            label: t('Level'),
            prompt: t('Level?'),
            showIf: { step: 'has_cert', equals: true },
          },
          {
            id: 'severe_note',
            field: { type: 'long_text', maxLength: 100 },
            required: false,
            label: t('Note'),
            prompt: t('Note?'),
            showIf: { step: 'level', in: ['level_1'] },
          },
        ],
      },
    ],
    priority: { when: { step: 'has_cert', equals: true }, reason: t('priority') },
    receipt: { nextSteps: t('We will call you.') },
    print: {
      title: t('Small form'),
      sections: [{ title: t('Main'), rows: [{ step: 'name' }, { step: 'level' }] }],
    },
  };
}
