import '../../styles/directory.css';
import type { ReactNode } from 'react';
import type { LegalAidGuide } from '../../../common/content/content_schema';
import { useSpeech } from '../../a11y/kit_context';
import { useApp } from '../../app_context';
import { KioskButton } from '../../components/kiosk_button';
import { ScreenHeading } from '../../components/screen_heading';
import { printChecklist } from '../../data/print_data';
import { usePublished } from '../../data/published_data';
import { useLanguage } from '../../i18n/local_text';
import { Text } from '../../i18n/text';
import { PrintButton } from '../../printing/print_button';
import { DataText, useDataText } from '../../published/data_text';
import { LoadState } from '../../published/load_state';
import type { SpeechPart } from '../../speech/speech_output';
import { serviceEntry } from '../../state/service_entry';

/** Who can get legal aid and how (policy §2), what to bring, and the way into the application. */
export function LegalAidGuideScreen() {
  const published = usePublished('content.library');
  return published.status === 'ready' ? (
    <Guide guide={published.value.library.guide} />
  ) : (
    <section className="screen" aria-labelledby="screen-heading">
      <ScreenHeading ns="guide" k="heading" />
      <LoadState ns="knowledge" failed={published.status === 'failed'} />
    </section>
  );
}

function Guide({ guide }: { guide: LegalAidGuide }) {
  const { store } = useApp();
  const speech = useSpeech();
  const pick = useDataText();
  const language = useLanguage();
  const heading = (k: string): SpeechPart => ({ ns: 'guide', k });
  const text = (value: Parameters<typeof pick>[0]): SpeechPart => ({
    k: 'guide_text',
    ns: 'guide',
    values: { text: pick(value) },
  });
  const readAll = () =>
    speech.sayParts(
      [
        heading('heading'),
        heading('who'),
        ...guide.who.map(text),
        heading('forms'),
        ...guide.forms.map(text),
        heading('priority'),
        text(guide.priority),
        heading('lawyer'),
        text(guide.lawyerChoice),
        heading('no_proof'),
        text(guide.noProof),
        heading('bring'),
        ...guide.checklist.map((item) => text(item.text)),
      ],
      true,
    );

  return (
    <section className="screen guide-screen" aria-labelledby="screen-heading">
      <ScreenHeading ns="guide" k="heading" intro={[{ ns: 'guide', k: 'intro' }]} />
      <div className="screen-actions">
        <KioskButton variant="primary" onPress={() => store.navigate(serviceEntry('legal_aid'))}>
          <Text ns="guide" k="apply" />
        </KioskButton>
        <KioskButton onPress={readAll}>
          <Text ns="guide" k="read_aloud" />
        </KioskButton>
      </div>
      <GuideSection k="who">
        {guide.who.map((paragraph) => (
          <p key={paragraph['zh-CN']}>
            <DataText text={paragraph} />
          </p>
        ))}
      </GuideSection>
      <GuideSection k="forms">
        <ul className="guide-list">
          {guide.forms.map((form) => (
            <li key={form['zh-CN']}>
              <DataText text={form} />
            </li>
          ))}
        </ul>
      </GuideSection>
      <GuideSection k="priority">
        <p>
          <DataText text={guide.priority} />
        </p>
      </GuideSection>
      <GuideSection k="lawyer">
        <p>
          <DataText text={guide.lawyerChoice} />
        </p>
      </GuideSection>
      <GuideSection k="no_proof">
        <p className="guide-no-proof">
          <DataText text={guide.noProof} />
        </p>
      </GuideSection>
      <GuideSection k="bring">
        <p>
          <Text ns="guide" k="bring_hint" />
        </p>
        <ul className="guide-checklist">
          {guide.checklist.map((item) => (
            <li key={item.id}>
              <span aria-hidden="true" className="guide-checklist__box">
                ☐
              </span>{' '}
              <DataText text={item.text} />
              {item.note ? (
                <span className="guide-checklist__note">
                  <DataText text={item.note} />
                </span>
              ) : null}
            </li>
          ))}
        </ul>
        <PrintButton what="checklist" print={() => printChecklist({ language })}>
          <Text ns="print" k="buttons.checklist" />
        </PrintButton>
      </GuideSection>
      <GuideSection k="sources">
        <ul className="guide-list">
          {guide.sources.map((source) => (
            <li key={source['zh-CN']}>
              <DataText text={source} />
            </li>
          ))}
        </ul>
      </GuideSection>
    </section>
  );
}

function GuideSection({ k, children }: { k: string; children: ReactNode }) {
  return (
    <section className="guide-section" aria-labelledby={`guide-${k}`}>
      <h3 id={`guide-${k}`}>
        <Text ns="guide" k={k} />
      </h3>
      {children}
    </section>
  );
}
