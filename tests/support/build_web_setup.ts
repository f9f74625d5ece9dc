import { buildWeb } from '../../scripts/build_web';

/** Builds the renderer and the agent console when their sources changed, once before the suites that serve them. */
export default async function setup(): Promise<void> {
  await buildWeb({ onlyIfStale: true });
}
