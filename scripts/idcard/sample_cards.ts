import fs from 'node:fs';
import path from 'node:path';
import { residentIdCheckChar } from '../../common/forms/validators/resident_id';
import { CARD_FILE, type SimulatedCard } from '../../core/idcard/simulated_card_slot';

const id = (first17: string) => `${first17}${residentIdCheckChar(first17)}`;

/**
 * Made-up cardholders for the simulated reader (nobody real: Baotou region codes, computed check digits).
 * `sample` is a Han applicant, `mongolian` says 蒙古族, `expired` ended in 2020.
 */
export const SAMPLE_CARDS = {
  sample: {
    name: '李明',
    sexCode: '1',
    nationCode: '01',
    birth: '19850612',
    address: '内蒙古包头市昆都仑区钢铁大街1号2单元301室',
    idNumber: id('15020319850612003'),
    issuer: '包头市公安局昆都仑分局',
    validFrom: '20150301',
    validTo: '20350301',
  },
  mongolian: {
    name: '巴特尔',
    sexCode: '1',
    nationCode: '02',
    birth: '19620915',
    address: '内蒙古包头市达尔罕茂明安联合旗百灵庙镇团结路5号',
    idNumber: id('15022319620915001'),
    issuer: '达尔罕茂明安联合旗公安局',
    validFrom: '20120101',
    validTo: '长期',
  },
  expired: {
    name: '王芳',
    sexCode: '2',
    nationCode: '01',
    birth: '19900307',
    address: '内蒙古包头市青山区幸福路8号',
    idNumber: id('15020419900307002'),
    issuer: '包头市公安局青山分局',
    validFrom: '20100101',
    validTo: '20200101',
  },
} as const satisfies Record<string, SimulatedCard>;

/** Places a card on the simulated reader: written aside, then renamed, so a reader never sees half a file. */
export function placeCard(folder: string, card: SimulatedCard): void {
  fs.mkdirSync(folder, { recursive: true });
  const staging = path.join(folder, `.${CARD_FILE}.${process.pid}.tmp`);
  fs.writeFileSync(staging, JSON.stringify(card));
  fs.renameSync(staging, path.join(folder, CARD_FILE));
}

/** Takes the card away. */
export function removeCard(folder: string): void {
  fs.rmSync(path.join(folder, CARD_FILE), { force: true });
}
