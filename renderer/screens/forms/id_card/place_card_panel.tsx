import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalizedText, Template } from '../../../../common/forms/template_schema';
import { useAnnounce, useSpeech } from '../../../a11y/kit_context';
import { KioskButton } from '../../../components/kiosk_button';
import { ScreenHeading } from '../../../components/screen_heading';
import { type CardRead, useCardReader } from '../../../data/use_card_reader';
import { LocalText, localString, useLanguage } from '../../../i18n/local_text';
import { Text } from '../../../i18n/text';

interface PlaceCardPanelProps {
  draftId: string;
  holder: string;
  template: Template;
  /** Where the reader is (the terminal's configuration). */
  location: LocalizedText;
  onRead: (read: CardRead) => void;
  onType: () => void;
  onBack: () => void;
}

/**
 * "Place your ID card on the reader": the first choice wherever a form asks for someone's identity. Says
 * where the reader is; while a card is read, says to keep it there; a card that cannot fill the form
 * (expired, unreadable, taken away too early, reader not working) gets a plain message, spoken, with
 * "try again" and "type instead".
 */
export function PlaceCardPanel({
  draftId,
  holder,
  template,
  location,
  onRead,
  onType,
  onBack,
}: PlaceCardPanelProps) {
  const { t } = useTranslation('forms_ui');
  const language = useLanguage();
  const speech = useSpeech();
  const announce = useAnnounce();
  const { phase, retry } = useCardReader(draftId, holder, onRead);

  useEffect(() => {
    if (phase.kind === 'reading') {
      announce.polite(t('card.reading'));
      speech.sayParts([{ k: 'card.reading', ns: 'forms_ui' }]);
    } else if (phase.kind === 'failed') announce.assertive(t(`card.failed.${phase.reason}`));
  }, [phase, announce, speech, t]);

  const where = localString(location, language);
  return (
    <section className="screen form-step form-card" aria-labelledby="screen-heading">
      <p className="form-step__context">
        <LocalText text={template.title} />
      </p>
      <ScreenHeading
        k="card.heading"
        ns="forms_ui"
        intro={[
          {
            k: 'card.where',
            ns: 'forms_ui',
            values: { location: where },
            fallbackValues: { location: location['zh-CN'] },
          },
          { k: 'card.hint', ns: 'forms_ui' },
        ]}
      />
      <p className="lead form-card__where">
        <Text ns="forms_ui" k="card.where" values={{ location: where }} />
      </p>
      <p>
        <Text ns="forms_ui" k="card.hint" />
      </p>
      <p className={`form-card__status form-card__status--${phase.kind}`} data-testid="card-status">
        {phase.kind === 'reading' ? <Text ns="forms_ui" k="card.reading" /> : null}
        {phase.kind === 'failed' ? <Text ns="forms_ui" k={`card.failed.${phase.reason}`} /> : null}
      </p>
      <div className="forms-actions">
        <KioskButton onPress={onBack}>
          <Text ns="forms_ui" k="step.back" />
        </KioskButton>
        {phase.kind === 'failed' ? (
          <KioskButton onPress={retry}>
            <Text ns="forms_ui" k="card.retry" />
          </KioskButton>
        ) : null}
        <KioskButton variant="primary" onPress={onType}>
          <Text ns="forms_ui" k="card.type_instead" />
        </KioskButton>
      </div>
    </section>
  );
}
