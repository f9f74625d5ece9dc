import { useApp } from '../app_context';
import { KioskButton } from '../components/kiosk_button';
import { PagedList } from '../components/paged_list';
import { ScreenHeading } from '../components/screen_heading';
import { Text } from '../i18n/text';
import { SERVICE_IDS } from '../state/screens';
import { serviceEntry } from '../state/service_entry';
import { useSession } from '../state/session_store';
import { CampaignBanner } from './knowledge/campaign_banner';

/** The home screen: every service as a large tile (four per page in elder mode), and the entry to elder mode. */
export function HomeScreen() {
  const { store } = useApp();
  const elderMode = useSession(store, (s) => s.settings.elderMode);
  return (
    <section
      className={`screen home-screen${elderMode ? ' home-screen--elder' : ''}`}
      aria-labelledby="screen-heading"
    >
      <ScreenHeading k="home.heading" intro={[{ k: 'home.greeting' }]} />
      <p className="lead">
        <Text k="home.greeting" />
      </p>
      <PagedList
        items={SERVICE_IDS}
        pageSize={SERVICE_IDS.length}
        getKey={(service) => service}
        className="tile-grid"
        renderItem={(service) => (
          <button
            type="button"
            className="tile"
            aria-labelledby={`tile-title-${service}`}
            aria-describedby={`tile-hint-${service}`}
            onClick={() => store.navigate(serviceEntry(service))}
          >
            <span className="tile__title" id={`tile-title-${service}`}>
              <Text k={`home.services.${service}.title`} bilingual />
            </span>
            <span className="tile__hint" id={`tile-hint-${service}`}>
              <Text k={`home.services.${service}.hint`} />
            </span>
          </button>
        )}
      />
      <CampaignBanner />
      <div className="home-screen__modes">
        <KioskButton
          pressed={elderMode}
          describedBy="elder-mode-hint"
          onPress={() => store.setElderMode(!elderMode)}
        >
          <Text k="home.elder_mode" />
        </KioskButton>
        <p id="elder-mode-hint" className="home-screen__mode-hint">
          <Text k="home.elder_mode_hint" />
        </p>
      </div>
    </section>
  );
}
