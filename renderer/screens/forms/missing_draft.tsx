import { useApp } from '../../app_context';
import { KioskButton } from '../../components/kiosk_button';
import { ScreenHeading } from '../../components/screen_heading';
import { Text } from '../../i18n/text';

/** The draft is gone (session ended, wiped, or submitted): say so and offer the way home. */
export function MissingDraft() {
  const { store } = useApp();
  return (
    <section className="screen" aria-labelledby="screen-heading">
      <ScreenHeading k="missing.title" ns="forms_ui" />
      <p className="lead">
        <Text ns="forms_ui" k="missing.body" />
      </p>
      <KioskButton variant="primary" onPress={() => store.navigate({ name: 'home' })}>
        <Text ns="forms_ui" k="missing.home" />
      </KioskButton>
    </section>
  );
}
