import { KEY_MAP } from '../a11y/key_map';
import { useApp } from '../app_context';
import { KioskButton } from '../components/kiosk_button';
import { ScreenHeading } from '../components/screen_heading';
import { Text } from '../i18n/text';

/** How to use the kiosk: the keypad's key map and the accessibility bar, reachable from the bar or F1. */
export function HelpScreen() {
  const { store } = useApp();
  return (
    <section className="screen help-screen" aria-labelledby="screen-heading">
      <ScreenHeading k="help.title" intro={[{ k: 'help.intro' }, { k: 'help.spoken_keys' }]} />
      <p className="lead">
        <Text k="help.intro" />
      </p>
      <table className="key-table">
        <caption className="visually-hidden">
          <Text k="help.keys_caption" />
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <Text k="help.key" />
            </th>
            <th scope="col">
              <Text k="help.does" />
            </th>
          </tr>
        </thead>
        <tbody>
          {KEY_MAP.map((binding) => (
            <tr key={binding.command}>
              <td className="key-table__key" lang="en">
                {binding.label}
              </td>
              <td>
                <Text k={`help.commands.${binding.command}`} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="lead">
        <Text k="help.touch" />
      </p>
      <div className="screen-actions">
        <KioskButton variant="primary" onPress={() => store.back() || store.navigate({ name: 'home' })}>
          <Text k="help.back" />
        </KioskButton>
      </div>
    </section>
  );
}
