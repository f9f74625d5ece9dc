import { Text } from '../../../i18n/text';

/** The "from ID card" mark next to an answer the reader filled (review screen, read-back, staff view). */
export function FromIdCardMark() {
  return (
    <span className="from-id-card">
      <Text ns="forms_ui" k="card.from_id_card" />
    </span>
  );
}
