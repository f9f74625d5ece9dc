import '../../styles/directory.css';
import { useTranslation } from 'react-i18next';
import { featuredCampaign, localCalendarDate } from '../../../common/calendar/campaign_calendar';
import { useApp } from '../../app_context';
import { KioskButton } from '../../components/kiosk_button';
import { Text } from '../../i18n/text';
import { formatCalendarRange } from './format_calendar_date';

/**
 * The current or next legal-publicity campaign (policy §6), for the home and knowledge screens. Pressing it
 * opens the legal knowledge articles.
 */
export function CampaignBanner({ today = new Date(), linked = true }: { today?: Date; linked?: boolean }) {
  const { store } = useApp();
  const { t } = useTranslation('knowledge');
  const { campaign, status } = featuredCampaign(localCalendarDate(today));
  const values = {
    name: t(`campaigns.names.${campaign.id}`),
    dates: formatCalendarRange(t, campaign.start, campaign.end),
  };
  const text = (
    <>
      <Text ns="knowledge" k={`campaigns.${status}`} values={values} />
      <span className="campaign-banner__about">
        <Text ns="knowledge" k={`campaigns.about.${campaign.id}`} />
      </span>
    </>
  );
  return (
    <aside className="campaign-banner" aria-label={t('campaigns.heading')}>
      {linked ? (
        <KioskButton
          className="campaign-banner__button"
          onPress={() => store.navigate({ name: 'legal_knowledge' })}
        >
          {text}
        </KioskButton>
      ) : (
        <p className="campaign-banner__text">{text}</p>
      )}
    </aside>
  );
}
