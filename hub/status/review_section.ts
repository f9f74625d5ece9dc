import { html, type SafeHtml } from '../../common/print/html';
import { type ReviewFlow, statesOf } from '../../common/status/review_states';
import { shownTime } from '../desk/desk_page';
import { type HubLanguage, hubText } from '../hub_text';
import type { ReviewRecord } from '../storage/hub_store';

/**
 * The review part of an application's desk page: its state now, every change (when, by which token), and
 * the form that sets the next state with what the visitor is told (documents, law firm, reason, note).
 */
export function renderReviewSection(
  uuid: string,
  flow: ReviewFlow,
  history: readonly ReviewRecord[],
  language: HubLanguage,
): SafeHtml {
  const t = hubText(language);
  const s = (key: string) => t(`review.${key}`);
  const current = history.at(-1);
  const lang = language === 'en' ? '?lang=en' : '';
  const field = (name: string, max: number) =>
    html`<p><label for="review-${name}">${s(`field.${name}`)}</label><input id="review-${name}" name="${name}" maxlength="${max}"></p>`;
  return html`<section aria-labelledby="review-title"><h2 id="review-title">${s('title')}</h2>
<p>${s('now')}: <strong>${s(`states.${current?.state ?? 'received'}`)}</strong></p>
${
  history.length
    ? html`<table><caption>${s('history')}</caption><thead><tr><th scope="col">${s('when')}</th><th scope="col">${s('state')}</th><th scope="col">${s('by')}</th><th scope="col">${s('field.note')}</th></tr></thead><tbody>${history.map(
        (change) =>
          html`<tr><td>${shownTime(change.at)}</td><td>${s(`states.${change.state}`)}</td><td>${change.by}</td><td>${change.note}</td></tr>`,
      )}</tbody></table>`
    : ''
}
<form method="post" action="/desk/s/${uuid}/review${lang}">
<p><label for="review-state">${s('state')}</label><select id="review-state" name="state">${statesOf(flow).map(
    (state) => html`<option value="${state}">${s(`states.${state}`)}</option>`,
  )}</select></p>
${field('documents', 300)}${field('firmName', 100)}${field('firmPhone', 32)}${field('reason', 300)}${field('note', 200)}
<p>${s('hint')}</p>
<button type="submit">${s('save')}</button></form></section>`;
}
