import { Text } from '../i18n/text';

/** What a screen shows while its published data loads, or when it cannot be read. */
export function LoadState({ ns, failed }: { ns: string; failed: boolean }) {
  return (
    <p className="lead" role={failed ? 'alert' : 'status'}>
      <Text ns={ns} k={failed ? 'load_failed' : 'loading'} />
    </p>
  );
}
