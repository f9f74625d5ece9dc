import en from '../../assets/locales/en/shell.json' with { type: 'json' };
import zh from '../../assets/locales/zh-CN/shell.json' with { type: 'json' };
import { html } from '../../common/print/html';
import { localDateTime, type PageSize, printPage } from '../../common/print/page';

const CSS =
  'main { padding: 10mm; } h1 { font-size: 8mm; } p { font-size: 5mm; } .digits { font-size: 8mm; }';

/** The technician's test sheet: Chinese and English from the `shell` catalogs, digits, and the time. */
export function printerTestPage(size: PageSize, now: Date): { html: string; size: PageSize } {
  const time = localDateTime(now.toISOString());
  const body = html`<main>
<h1>${zh.test_page.title}</h1><p>${zh.test_page.body}</p>
<p lang="en">${en.test_page.title}. ${en.test_page.body}</p>
<p class="digits">0123456789</p>
<p>${zh.test_page.printed_at.replace('{{time}}', time)}</p>
</main>`;
  return {
    html: printPage({ language: 'zh-CN', title: zh.test_page.title, pageSize: size, css: CSS, body }),
    size,
  };
}
