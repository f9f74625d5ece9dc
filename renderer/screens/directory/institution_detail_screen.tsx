import '../../styles/directory.css';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Institution } from '../../../common/directory/directory_schema';
import type { DirectoryQuery } from '../../../common/directory/directory_search';
import { geoUri, mapLink } from '../../../common/directory/map_uri';
import { useSpeech } from '../../a11y/kit_context';
import { useApp } from '../../app_context';
import { KioskButton } from '../../components/kiosk_button';
import { ScreenHeading } from '../../components/screen_heading';
import { usePublished } from '../../data/published_data';
import { ScriptText } from '../../i18n/script_text';
import { Text } from '../../i18n/text';
import { DataText, useDataText } from '../../published/data_text';
import { LoadState } from '../../published/load_state';
import type { SpeechPart } from '../../speech/speech_output';
import { MapQrCode } from './map_qr';
import { SampleNotice } from './sample_notice';

/** One institution: everything read aloud, the phone in very large digits, a QR code to navigate there. */
export function InstitutionDetailScreen({ id, from }: { id: string; from: DirectoryQuery }) {
  const { store } = useApp();
  const published = usePublished('directory.dataset');
  const back = () => store.navigate({ name: 'directory', ...from });
  if (published.status !== 'ready')
    return (
      <section className="screen" aria-labelledby="screen-heading">
        <LoadState ns="directory" failed={published.status === 'failed'} />
      </section>
    );
  const { dataset } = published.value;
  const institution = dataset.institutions.find((candidate) => candidate.id === id);
  if (!institution)
    return (
      <section className="screen" aria-labelledby="screen-heading">
        <LoadState ns="directory" failed />
        <KioskButton onPress={back}>
          <Text ns="directory" k="detail.back" />
        </KioskButton>
      </section>
    );
  return <Detail institution={institution} sample={dataset.sample} onBack={back} />;
}

/** Phone digits spoken one by one ("0 4 7 2 …"), never as one large number. */
function spokenDigits(phone: string): string {
  return [...phone].join(' ');
}

function Detail({
  institution,
  sample,
  onBack,
}: {
  institution: Institution;
  sample: boolean;
  onBack: () => void;
}) {
  const { t } = useTranslation('directory');
  const pick = useDataText();
  const speech = useSpeech();
  const name = pick(institution.name);
  const list = (ids: readonly string[], group: string) =>
    ids.map((item) => t(`${group}.${item}`)).join(t('list_separator'));
  const parts: SpeechPart[] = [
    { ns: 'directory', k: 'detail.kind', values: { kind: t(`kinds.${institution.kind}`) } },
    { ns: 'directory', k: 'detail.district', values: { district: t(`districts.${institution.district}`) } },
    { ns: 'directory', k: 'detail.address', values: { address: pick(institution.address) } },
    { ns: 'directory', k: 'detail.phone', values: { phone: spokenDigits(institution.phone) } },
    { ns: 'directory', k: 'detail.hours', values: { hours: pick(institution.hours) } },
    {
      ns: 'directory',
      k: 'detail.services',
      values: { list: list(institution.services, 'services') || t('detail.none') },
    },
    institution.accessibility.length > 0
      ? {
          ns: 'directory',
          k: 'detail.accessibility',
          values: { list: list(institution.accessibility, 'accessibility') },
        }
      : { ns: 'directory', k: 'detail.no_accessibility' },
    { ns: 'directory', k: 'detail.qr_hint' },
  ];
  if (sample) parts.unshift({ ns: 'directory', k: 'sample_notice' });
  // An https web map first (WeChat's scanner and the iPhone camera open it); `geo:` for Android map apps.
  const { terminal } = useApp();
  const [mapApp, setMapApp] = useState(false);
  const place = institution.location;
  const mapText = !place
    ? ''
    : mapApp
      ? geoUri(place, name)
      : mapLink(terminal.directory.mapProvider, place, name);

  return (
    <section className="screen institution-detail" aria-labelledby="screen-heading">
      <ScreenHeading ns="directory" k="detail.heading" values={{ name }} intro={parts} />
      {sample ? <SampleNotice /> : null}
      <p className="institution-detail__meta">
        <Text ns="directory" k={`kinds.${institution.kind}`} />
        {institution.level ? (
          <>
            {' · '}
            <Text ns="directory" k={`levels.${institution.level}`} />
          </>
        ) : null}
        {' · '}
        <Text ns="directory" k={`districts.${institution.district}`} />
      </p>
      <div className="institution-detail__phone">
        <span className="institution-detail__phone-label">
          <Text ns="directory" k="detail.phone_label" />
        </span>
        <span className="institution-detail__phone-digits" lang="en">
          {institution.phone}
        </span>
      </div>
      <dl className="institution-detail__facts">
        <Fact label={<Text ns="directory" k="detail.labels.address" />}>
          <DataText text={institution.address} />
        </Fact>
        <Fact label={<Text ns="directory" k="detail.labels.hours" />}>
          <DataText text={institution.hours} />
        </Fact>
        <Fact label={<Text ns="directory" k="detail.labels.services" />}>
          <ScriptText text={list(institution.services, 'services') || t('detail.none')} />
        </Fact>
        <Fact label={<Text ns="directory" k="detail.labels.accessibility" />}>
          <ScriptText text={list(institution.accessibility, 'accessibility') || t('detail.none')} />
        </Fact>
      </dl>
      {institution.location ? (
        <div className="institution-detail__map">
          <h3>
            <Text ns="directory" k="detail.qr_heading" />
          </h3>
          <p id="map-qr-hint">
            <Text ns="directory" k="detail.qr_hint" />
          </p>
          <MapQrCode text={mapText} label={t('detail.qr_label', { name })} />
          <p className="institution-detail__map-link">
            <Text ns="directory" k="detail.qr_link" /> <span lang="en">{mapText}</span>
          </p>
          <KioskButton pressed={mapApp} onPress={() => setMapApp(!mapApp)}>
            <Text ns="directory" k="detail.qr_map_app" />
          </KioskButton>
        </div>
      ) : null}
      <div className="screen-actions">
        <KioskButton
          variant="primary"
          onPress={() =>
            speech.sayParts([{ ns: 'directory', k: 'detail.heading', values: { name } }, ...parts], true)
          }
        >
          <Text ns="directory" k="detail.read_aloud" />
        </KioskButton>
        <KioskButton onPress={onBack}>
          <Text ns="directory" k="detail.back" />
        </KioskButton>
      </div>
    </section>
  );
}

function Fact({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <div className="institution-detail__fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
