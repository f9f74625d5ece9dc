import type { IdCardField } from '../../common/forms/template_schema';
import { calendarDate, formatIsoDate, localToday } from '../../common/forms/validators/dates';
import { validateResidentId } from '../../common/forms/validators/resident_id';
import { err, ok, type Result } from '../../common/result';
import { MONGOLIAN_NATION_CODE, nationName } from './nations';
import type { CardText } from './text_block';

export interface CardValues {
  /** Each card field as a form answer takes it (sex as the option value, dates as YYYY-MM-DD). */
  values: Record<IdCardField, string>;
  /** The card says 蒙古族. */
  mongolian: boolean;
}

/** A card without end date says 长期 (long-term) where the date would be. */
const NO_END_DATE = '长期';

function isoDate(yyyymmdd: string): string | null {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(yyyymmdd);
  const date = match && calendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
  return date ? formatIsoDate(date) : null;
}

/**
 * Turns the card's text into form answers, after checking that it holds together: a valid ID number whose
 * birth date and sex agree with the card's own fields, a known ethnic group, real dates. Anything else is
 * `unreadable` (a damaged chip or a bad read, never guessed at); a card past its end date is `expired`.
 */
export function cardValues(card: CardText, now: Date): Result<CardValues, 'unreadable' | 'expired'> {
  const id = validateResidentId(card.idNumber, now);
  const birthDate = isoDate(card.birth);
  const sex = card.sexCode === '1' ? 'male' : card.sexCode === '2' ? 'female' : null;
  const ethnicity = nationName(card.nationCode);
  const validFrom = isoDate(card.validFrom);
  const validTo = card.validTo === NO_END_DATE ? null : isoDate(card.validTo);
  if (
    !id.ok ||
    !birthDate ||
    !sex ||
    !ethnicity ||
    !validFrom ||
    (validTo === null && card.validTo !== NO_END_DATE) ||
    id.value.birthDate !== birthDate ||
    id.value.sex !== sex ||
    card.name.trim() === '' ||
    card.address.trim() === ''
  )
    return err('unreadable');
  if (validTo !== null && validTo < localToday(now)) return err('expired');
  return ok({
    values: {
      name: card.name.trim(),
      sex,
      ethnicity,
      birth_date: birthDate,
      address: card.address.trim(),
      id_number: id.value.number,
    },
    mongolian: card.nationCode === MONGOLIAN_NATION_CODE,
  });
}
