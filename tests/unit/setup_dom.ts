import { cleanup } from '@testing-library/react';
import { afterEach, beforeAll } from 'vitest';
import { preloadAllLazyComponents } from '../../renderer/lazy_component';

// Screens and keyboards are separate chunks loaded on first use (lazy_component.ts); these tests render them
// synchronously, so their code is loaded before the tests run. lazy_component.test.tsx covers the loading.
beforeAll(() => preloadAllLazyComponents());
afterEach(() => cleanup());
