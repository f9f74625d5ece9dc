import { Text } from '../../i18n/text';

/** Shown on every screen that shows the shipped sample directory: these institutions are not real. */
export function SampleNotice() {
  return (
    <p className="sample-notice">
      <Text ns="directory" k="sample_notice" />
    </p>
  );
}
