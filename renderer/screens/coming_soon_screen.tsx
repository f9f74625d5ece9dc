import { useTranslation } from 'react-i18next';
import { useApp } from '../app_context';
import { KioskButton } from '../components/kiosk_button';
import { ScreenHeading } from '../components/screen_heading';
import { Text } from '../i18n/text';
import type { ServiceId } from '../state/screens';

/** An honest placeholder for a service this build does not offer yet. */
export function ComingSoonScreen({ service }: { service: ServiceId }) {
  const { store } = useApp();
  const { t } = useTranslation();
  return (
    <section className="screen" aria-labelledby="screen-heading">
      <ScreenHeading k="coming_soon.title" values={{ service: t(`home.services.${service}.title`) }} />
      <p className="lead">
        <Text k="coming_soon.body" />
      </p>
      <KioskButton variant="primary" onPress={() => store.navigate({ name: 'home' })}>
        <Text k="coming_soon.back" />
      </KioskButton>
    </section>
  );
}
