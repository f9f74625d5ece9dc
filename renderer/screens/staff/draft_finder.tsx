import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodResult } from '../../../common/contract';
import { useAnnounce } from '../../a11y/kit_context';
import { useApp } from '../../app_context';
import { KioskButton } from '../../components/kiosk_button';
import { TextField } from '../../components/text_field';
import { assistDraft, findDraft } from '../../data/staff_data';
import { LocalText } from '../../i18n/local_text';
import { Text } from '../../i18n/text';
import { localTime } from './staff_time';

const NS = 'staff';
type Found = Extract<MethodResult<'staff.find_draft'>, { ok: true }>;

/** A visitor's kept form by its retrieval code; staff finish it with them (the application is marked assisted). */
export function DraftFinder({ onLocked, onAssist }: { onLocked: () => void; onAssist: () => void }) {
  const { t } = useTranslation(NS);
  const { store } = useApp();
  const announce = useAnnounce();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [found, setFound] = useState<Found | null>(null);

  const find = async () => {
    setFound(null);
    const digits = code.replace(/\D/g, '');
    if (digits.length !== 8) {
      setError(t('draft.format'));
      announce.assertive(t('draft.format'));
      return;
    }
    const result = await findDraft({ code: digits });
    if (!result.ok && result.reason === 'locked') return onLocked();
    if (!result.ok) {
      setError(t(`draft.${result.reason}`));
      announce.assertive(t(`draft.${result.reason}`));
      return;
    }
    setError(null);
    setFound(result);
  };

  const assist = async () => {
    if (!found) return;
    const result = await assistDraft({ draftId: found.draftId });
    if (!result.ok && result.reason === 'locked') return onLocked();
    if (!result.ok) return setError(t('draft.not_found'));
    onAssist();
    store.navigate({ name: 'form_step', draftId: found.draftId, stepId: found.currentStep });
  };

  return (
    <section className="staff-panel" aria-labelledby="staff-draft-heading">
      <h3 id="staff-draft-heading">
        <Text ns={NS} k="draft.heading" />
      </h3>
      <form
        className="staff-draft"
        onSubmit={(event) => {
          event.preventDefault();
          void find();
        }}
      >
        <TextField
          id="staff-draft-code"
          label={<Text ns={NS} k="draft.label" />}
          hint={<Text ns={NS} k="draft.hint" />}
          error={error ?? undefined}
          value={code}
          onChange={setCode}
          inputMode="numeric"
          maxLength={11}
        />
        <KioskButton onPress={() => void find()}>
          <Text ns={NS} k="draft.find" />
        </KioskButton>
      </form>
      {found ? (
        <div className="staff-found">
          <p>
            <LocalText text={found.title} />
          </p>
          <p>{t('draft.found', { answered: found.answered, time: localTime(found.updatedAt) })}</p>
          <KioskButton variant="primary" onPress={() => void assist()}>
            <Text ns={NS} k="draft.assist" />
          </KioskButton>
        </div>
      ) : null}
    </section>
  );
}
