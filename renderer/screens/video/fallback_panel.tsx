import { useApp } from '../../app_context';
import { KioskButton } from '../../components/kiosk_button';
import { Text } from '../../i18n/text';

/** When nobody can answer: a callback request through the forms engine, the 12348 hotline and the centre's phone. */
export function FallbackPanel({ centrePhone, reasonKey }: { centrePhone: string; reasonKey: string | null }) {
  const { store } = useApp();
  return (
    <>
      <section className="video-fallback" aria-labelledby="video-fallback-heading">
        <h2 id="video-fallback-heading">
          <Text ns="video" k="fallback.heading" />
        </h2>
        {reasonKey ? (
          <p className="video-fallback__reason" role="status">
            <Text ns="video" k={reasonKey} />
          </p>
        ) : null}
        <p className="video-fallback__phone">
          <Text ns="video" k="fallback.hotline" />
        </p>
        {centrePhone ? (
          <p className="video-fallback__phone">
            <Text ns="video" k="fallback.centre" values={{ phone: centrePhone }} />
          </p>
        ) : null}
      </section>
      {/* The callback is the screen's action: in the action row that stays at the bottom of the window. */}
      <div className="screen-actions">
        <KioskButton
          variant="primary"
          onPress={() => store.navigate({ name: 'form_start', templateId: 'callback_request' })}
        >
          <Text ns="video" k="fallback.callback" />
        </KioskButton>
      </div>
    </>
  );
}
