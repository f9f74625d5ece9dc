import { parseTemplate } from '../../../../common/forms/parse_template';
import type { TemplateInput } from '../../../../common/forms/template_schema';

const text = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/** A small valid template for sync tests: one required text step and one optional yes/no step. */
export function fixtureTemplate(version = '1.0.0'): TemplateInput {
  return {
    id: 'sync_fixture_form',
    version,
    category: 'consultation',
    title: text('同步测试表', 'Sync test form'),
    description: text('用于同步测试', 'Used by the sync tests'),
    sections: [
      {
        id: 'main',
        title: text('内容', 'Content'),
        steps: [
          {
            id: 'topic',
            field: { type: 'text', maxLength: 200 },
            required: true,
            label: text('主题', 'Topic'),
            prompt: text('请输入主题', 'Enter the topic'),
          },
          {
            id: 'urgent',
            field: { type: 'yes_no' },
            required: false,
            label: text('紧急', 'Urgent'),
            prompt: text('是否紧急？', 'Is it urgent?'),
          },
        ],
      },
    ],
    receipt: { nextSteps: text('工作人员会联系您', 'Staff will contact you') },
    print: {
      title: text('同步测试表', 'Sync test form'),
      sections: [{ title: text('内容', 'Content'), rows: [{ step: 'topic' }] }],
    },
  };
}

export function fixtureTemplateBytes(version = '1.0.0'): Buffer {
  const template = fixtureTemplate(version);
  if (!parseTemplate(template).ok) throw new Error('the fixture template is invalid');
  return Buffer.from(JSON.stringify(template), 'utf8');
}
