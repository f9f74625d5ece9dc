import { useApp } from '../app_context';
import { ScreenHeading } from '../components/screen_heading';
import { Text } from '../i18n/text';
import { SERVICE_IDS } from '../state/screens';
import { serviceEntry } from '../state/service_entry';

/** The home screen: every service as a large tile. */
export function HomeScreen() {
  const { store } = useApp();
  return (
    <section className="screen home-screen" aria-labelledby="screen-heading">
      <ScreenHeading k="home.heading" />
      <p className="lead">
        <Text k="home.greeting" />
      </p>
      <ul className="tile-grid">
        {SERVICE_IDS.map((service) => (
          <li key={service}>
            <button
              type="button"
              className="tile"
              aria-describedby={`tile-hint-${service}`}
              onClick={() => store.navigate(serviceEntry(service))}
            >
              <span className="tile__title">
                <Text k={`home.services.${service}.title`} />
              </span>
              <span className="tile__hint" id={`tile-hint-${service}`}>
                <Text k={`home.services.${service}.hint`} />
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
