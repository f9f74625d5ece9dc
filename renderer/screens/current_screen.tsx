import type { Screen } from '../state/screens';
import { ComingSoonScreen } from './coming_soon_screen';
import { HelpScreen } from './help_screen';
import { HomeScreen } from './home_screen';

/** Renders the screen the visitor is on. */
export function CurrentScreen({ screen }: { screen: Screen }) {
  switch (screen.name) {
    case 'home':
      return <HomeScreen />;
    case 'help':
      return <HelpScreen />;
    case 'coming_soon':
      return <ComingSoonScreen service={screen.service} />;
  }
}
