import './sign_layout.css';
import { lazy, Suspense, useEffect } from 'react';
import { installFocusFollow } from './focus_follow';
import { useSignController, useSignState } from './sign_context';

// The panel (video, controls, captions) is its own chunk, loaded when it is first needed: the visitor opens
// it, or a screen has a clip (kiosks without sign packs never load it).
const SignPanel = lazy(() => import('./sign_panel'));

/**
 * Where the sign-language panel goes: beside the screen's content, never over it. While closed on a screen
 * with a clip it stays mounted but hidden, so the clip is already buffered when the visitor asks for it.
 */
export function SignPanelSlot() {
  const controller = useSignController();
  const state = useSignState();
  useEffect(() => (controller ? installFocusFollow(document, controller) : undefined), [controller]);
  if (!controller || !state || (!state.open && state.screenKey === null)) return null;
  return (
    <Suspense fallback={null}>
      <SignPanel controller={controller} />
    </Suspense>
  );
}
