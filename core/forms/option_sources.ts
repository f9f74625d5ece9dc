import type { FieldOption, OptionSource } from '../../common/forms/template_schema';
import type { Lawyer } from '../../common/published/lawyer_list_schema';
import type { Logger } from '../../node_shared/logger';
import { LAWYERS_KIND } from '../published/published_kinds';
import { loadPublished } from '../published/published_store';
import type { KioskDatabase } from '../storage/database';

export interface PublishedOptions {
  options: FieldOption[];
  /** True when the centre published demo data: the screen and the printout say 示例数据. */
  sample: boolean;
}

export type OptionProvider = (source: OptionSource) => PublishedOptions;

/** "王律师（某某律师事务所，执业 8 年）": what the applicant chooses and the printout shows. */
function lawyerOption(lawyer: Lawyer, sample: boolean): FieldOption {
  const mark = sample ? { zh: '，示例数据', en: ', sample data' } : { zh: '', en: '' };
  return {
    value: `lawyer_${lawyer.id}`,
    label: {
      'zh-CN': `${lawyer.name['zh-CN']}（${lawyer.firm['zh-CN']}，执业${lawyer.yearsOfPractice}年${mark.zh}）`,
      en: `${lawyer.name.en} (${lawyer.firm.en}, ${lawyer.yearsOfPractice} years of practice${mark.en})`,
    },
  };
}

/**
 * Options from the data the hub published: the lawyers who take legal-aid cases. Nothing published means no
 * options, and the lawyer step says the centre will assign one; no name is ever invented.
 */
export function publishedOptionProvider(db: KioskDatabase, logger: Logger): OptionProvider {
  return (source) => {
    switch (source) {
      case 'published_lawyers': {
        const list = loadPublished(db, LAWYERS_KIND, logger).value;
        return {
          options: list.lawyers.filter((l) => l.acceptsLegalAid).map((l) => lawyerOption(l, list.sample)),
          sample: list.sample,
        };
      }
    }
  };
}
