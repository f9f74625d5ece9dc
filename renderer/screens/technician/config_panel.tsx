import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  EDITABLE_CONFIG_FIELDS,
  type EditableConfigField,
} from '../../../common/contract/technician_methods';
import { useAnnounce } from '../../a11y/kit_context';
import { ChoiceList } from '../../components/choice_list';
import { KioskButton } from '../../components/kiosk_button';
import { TextField } from '../../components/text_field';
import { editConfig, useConfigView } from '../../data/technician_data';
import { Text } from '../../i18n/text';
import { RpcCallError } from '../../rpc/api';
import { configValueOf } from './config_value';

const NS = 'technician';
/** The provisioning field name, shown as is (like the other field names in the table). */
const TOKEN_FIELD = 'hubToken';

/** The provisioning (without secrets) and a one-field edit that the core validates before writing. */
export function ConfigPanel({ onLocked }: { onLocked: () => void }) {
  const { t } = useTranslation(NS);
  const announce = useAnnounce();
  const view = useConfigView();
  const [field, setField] = useState<EditableConfigField | null>(null);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState('');

  const shown = view.status === 'ready' ? view.value : null;
  const locked = shown?.ok === false && shown.reason === 'locked';
  useEffect(() => {
    if (locked) onLocked();
  }, [locked, onLocked]);
  const rows = shown?.ok ? shown.rows : [];
  const tokenSet = shown?.ok ? shown.hubTokenSet : false;

  const save = async () => {
    if (!field) {
      setError(t('config.pick_field'));
      return;
    }
    setSaved('');
    try {
      const result = await editConfig({ field, value: configValueOf(field, value) });
      if (result.ok) {
        setError(null);
        const message = t('config.saved', { field });
        setSaved(message);
        announce.polite(message);
        view.reload();
        return;
      }
      if (result.reason === 'locked') return onLocked();
      const message =
        'field' in result
          ? t('config.refused', { field: result.field || field, message: result.message })
          : t('config.not_provisioned');
      setError(message);
      announce.assertive(message);
    } catch (caught) {
      // The contract refused the value itself (too long, wrong shape): name the field all the same.
      if (!(caught instanceof RpcCallError)) throw caught;
      const message = t('config.refused', { field, message: t('config.bad_value') });
      setError(message);
      announce.assertive(message);
    }
  };

  return (
    <section className="technician-panel" aria-labelledby="technician-config">
      <h3 id="technician-config">
        <Text ns={NS} k="config.heading" />
      </h3>
      <table className="technician-config">
        <caption>
          <Text ns={NS} k="config.caption" />
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <Text ns={NS} k="config.field" />
            </th>
            <th scope="col">
              <Text ns={NS} k="config.value" />
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.field}>
              <th scope="row" lang="en">
                {row.field}
              </th>
              <td>{row.value}</td>
            </tr>
          ))}
          <tr>
            <th scope="row" lang="en">
              {TOKEN_FIELD}
            </th>
            <td>
              <Text ns={NS} k={tokenSet ? 'config.token_set' : 'config.token_missing'} />
            </td>
          </tr>
        </tbody>
      </table>
      <ChoiceList
        id="technician-config-field"
        legend={<Text ns={NS} k="config.edit_field" />}
        options={EDITABLE_CONFIG_FIELDS.map((f) => ({ value: f, label: <span lang="en">{f}</span> }))}
        value={field}
        onChange={(next) => {
          setField(next);
          setValue(rows.find((row) => row.field === next)?.value ?? '');
          setError(null);
        }}
        pageSize={6}
      />
      <TextField
        id="technician-config-value"
        label={<Text ns={NS} k="config.new_value" />}
        hint={<Text ns={NS} k="config.value_hint" />}
        error={error ?? undefined}
        value={value}
        onChange={setValue}
      />
      <KioskButton variant="primary" onPress={() => void save()}>
        <Text ns={NS} k="config.save" />
      </KioskButton>
      <p className="technician-status">{saved}</p>
    </section>
  );
}
