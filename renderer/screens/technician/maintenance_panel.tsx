import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnounce } from '../../a11y/kit_context';
import { KioskButton } from '../../components/kiosk_button';
import { TextField } from '../../components/text_field';
import { exportLogsTo, restartKiosk } from '../../data/technician_data';
import { Text } from '../../i18n/text';
import { RpcCallError } from '../../rpc/api';

const NS = 'technician';

/** Log export to a folder or USB path, and the restart request. */
export function MaintenancePanel({ onLocked }: { onLocked: () => void }) {
  const { t } = useTranslation(NS);
  const announce = useAnnounce();
  const [folder, setFolder] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');

  const report = (message: string) => {
    setStatus(message);
    announce.polite(message);
  };

  const exportLogs = async () => {
    try {
      const result = await exportLogsTo({ folder });
      if (!result.ok && result.reason === 'locked') return onLocked();
      if (!result.ok) {
        setError(t(`export.${result.reason}`));
        return;
      }
      setError(null);
      report(t('export.done', { folder: result.folder, count: result.files.length }));
    } catch (caught) {
      if (!(caught instanceof RpcCallError)) throw caught;
      setError(t('export.not_absolute'));
    }
  };

  const restart = async () => {
    const result = await restartKiosk({});
    if (!result.ok && result.reason === 'locked') return onLocked();
    report(t(result.ok ? 'restart.requested' : 'restart.not_available'));
  };

  return (
    <section className="technician-panel" aria-labelledby="technician-maintenance">
      <h3 id="technician-maintenance">
        <Text ns={NS} k="maintenance.heading" />
      </h3>
      <TextField
        id="technician-export-folder"
        label={<Text ns={NS} k="export.folder" />}
        hint={<Text ns={NS} k="export.hint" />}
        error={error ?? undefined}
        value={folder}
        onChange={setFolder}
        maxLength={1024}
        lang="en"
      />
      <KioskButton onPress={() => void exportLogs()}>
        <Text ns={NS} k="export.button" />
      </KioskButton>
      <KioskButton variant="danger" onPress={() => void restart()}>
        <Text ns={NS} k="restart.button" />
      </KioskButton>
      <p className="technician-status">{status}</p>
    </section>
  );
}
