import './sign_layout.css';
import { lazy, Suspense, useEffect } from 'react';
import { installFocusFollow } from './focus_follow';
import { useSignController, useSignState } from './sign_context';

// The panel (video, controls, captions) is its own chunk: loaded the first time a visitor opens it.
const SignPanel = lazy(() => import('./sign_panel'));

/** Where the sign-language panel goes: beside the screen's content, never over it. */
export function SignPanelSlot() {
  const controller = useSignController();
  const state = useSignState();
  useEffect(() => (controller ? installFocusFollow(document, controller) : undefined), [controller]);
  if (!controller || !state?.open) return null;
  return (
    <Suspense fallback={null}>
      <SignPanel controller={controller} />
    </Suspense>
  );
}
