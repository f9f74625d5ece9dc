import type { TFunction } from 'i18next';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../common/languages';
import { useAnnounce, useSpeech } from '../../a11y/kit_context';
import { KioskButton } from '../../components/kiosk_button';
import { renderSpeech, speechStatus } from '../../data/speech_data';
import { diagnostics } from '../../data/technician_data';
import { Text } from '../../i18n/text';
import { MediaChecks } from './media_checks';

const NS = 'technician';

/** Checks that run in the core; camera and microphone run here in the renderer (`media_checks.tsx`). */
export const CHECK_IDS = ['hub', 'sync', 'printers', 'speech', 'id_card', 'system'] as const;
type CheckId = (typeof CHECK_IDS)[number];

interface CheckOutcome {
  state: 'running' | 'ok' | 'problem';
  lines: string[];
  printers?: string[];
  languages?: Language[];
  /** The ID card reader is configured: offer a test with a card. */
  cardTest?: boolean;
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024 / 1024).toFixed(1);
}

function when(t: TFunction, iso: string | null): string {
  return iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : t('never');
}

/** Runs one check through the core and words its result; a locked core closes technician mode. */
async function runCheck(id: CheckId, t: TFunction): Promise<CheckOutcome | 'locked'> {
  const status = (value: string) => t(`status.${value}`);
  switch (id) {
    case 'hub': {
      const r = await diagnostics.hub({});
      if (!r.ok) return 'locked';
      if (!r.reachable) return { state: 'problem', lines: [t(`hub.${r.reason}`)] };
      const skewSeconds = Math.round(r.clockSkewMs / 1000);
      return {
        state: Math.abs(skewSeconds) > 60 ? 'problem' : 'ok',
        lines: [
          t('hub.reachable', { hubId: r.hubId, latency: r.latencyMs }),
          t('hub.skew', { seconds: skewSeconds }),
        ],
      };
    }
    case 'sync': {
      const r = await diagnostics.sync({});
      if (!r.ok) return 'locked';
      const { pending, rejected, quarantined, delivered } = r.queue;
      return {
        state: rejected + quarantined > 0 ? 'problem' : 'ok',
        lines: [
          t('sync.last', { when: when(t, r.lastSyncAt) }),
          t('sync.queue', { pending, delivered, rejected, quarantined }),
        ],
      };
    }
    case 'printers': {
      const r = await diagnostics.printers({});
      if (!r.ok) return 'locked';
      if (r.printers.length === 0) return { state: 'problem', lines: [t('printers.none')] };
      return {
        state: r.printers.some((p) => p.status === 'ok') ? 'ok' : 'problem',
        lines: r.printers.map((p) =>
          t('printers.item', {
            name: p.name,
            status: status(p.status),
            default: p.isDefault ? t('printers.default') : '',
          }),
        ),
        printers: r.printers.map((p) => p.name),
      };
    }
    case 'speech': {
      const r = await diagnostics.speech({});
      if (!r.ok) return 'locked';
      const engine = await speechStatus({});
      return {
        state: r.status === 'ok' ? 'ok' : 'problem',
        lines: [
          t('speech.engine', { engine: r.engine || t('status.unknown'), status: status(r.status) }),
          ...(engine.reason === 'engine_missing' ? [t('speech.engine_missing')] : []),
          ...r.languages.map((l) =>
            t(l.available ? 'speech.language_ok' : 'speech.language_missing', {
              language: t(`languages.${l.language}`),
            }),
          ),
        ],
        languages: r.languages.map((l) => l.language),
      };
    }
    case 'id_card': {
      const r = await diagnostics.idCard({ read: false });
      if (!r.ok) return 'locked';
      if (!r.configured) return { state: 'ok', lines: [t('id_card.not_configured')] };
      return {
        state: r.status === 'ok' ? 'ok' : 'problem',
        lines: [
          t('id_card.port', {
            adapter: t(`id_card.adapters.${r.adapter}`),
            port: r.port,
            status: status(r.status),
          }),
          r.samId ? t('id_card.sam', { samId: r.samId }) : t('id_card.no_sam'),
        ],
        cardTest: true,
      };
    }
    case 'system': {
      const r = await diagnostics.system({});
      if (!r.ok) return 'locked';
      const update =
        r.update.status === 'update_failed'
          ? t('system.update_failed', {
              attempted: r.update.attemptedVersion,
              running: r.update.runningVersion,
            })
          : r.update.status === 'updated'
            ? t('system.updated', { version: r.update.version })
            : t('system.no_update');
      const refusal = r.updateRefusal
        ? [
            t('system.update_refused', {
              reason: t(`update_refusal.${r.updateRefusal.reason}`),
              when: when(t, r.updateRefusal.at),
            }),
          ]
        : [];
      return {
        state:
          r.update.status === 'update_failed' || r.updateRefusal || r.diskFreeBytes < 1024 ** 3
            ? 'problem'
            : 'ok',
        lines: [
          t('system.versions', { app: r.appVersion, schema: r.schemaVersion }),
          t('system.disk', { free: megabytes(r.diskFreeBytes), total: megabytes(r.diskTotalBytes) }),
          update,
          ...refusal,
        ],
      };
    }
  }
}

/** Every diagnostic at once; each result appears as soon as it arrives. */
export function DiagnosticsPanel({ onLocked }: { onLocked: () => void }) {
  const { t } = useTranslation(NS);
  const announce = useAnnounce();
  const speech = useSpeech();
  const [results, setResults] = useState<Partial<Record<CheckId, CheckOutcome>>>({});
  const [actionStatus, setActionStatus] = useState('');
  const [mediaRun, setMediaRun] = useState(0);

  const runAll = useCallback(() => {
    setResults(Object.fromEntries(CHECK_IDS.map((id) => [id, { state: 'running', lines: [] }])));
    let left = CHECK_IDS.length;
    for (const id of CHECK_IDS) {
      void runCheck(id, t)
        .catch((): CheckOutcome => ({ state: 'problem', lines: [t('check_failed')] }))
        .then((outcome) => {
          if (outcome === 'locked') return onLocked();
          setResults((current) => ({ ...current, [id]: outcome }));
          left -= 1;
          if (left === 0) announce.polite(t('all_done'));
        });
    }
  }, [t, announce, onLocked]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the checks run once when the panel opens
  useEffect(runAll, []);

  const printTest = async (printer: string) => {
    const r = await diagnostics.printTest({ printer });
    if (!r.ok) return onLocked();
    const message = r.printed
      ? t('printers.test_sent', { name: printer })
      : t('printers.test_failed', { name: printer, reason: t(`printers.${r.reason}`) });
    setActionStatus(message);
    announce.polite(message);
  };

  const cardTest = async () => {
    setActionStatus(t('id_card.place'));
    announce.polite(t('id_card.place'));
    const r = await diagnostics.idCard({ read: true });
    if (!r.ok) return onLocked();
    const outcome = r.configured && r.read ? r.read : { outcome: 'reader_unavailable' as const, readerMs: 0 };
    const message = t(`id_card.outcome.${outcome.outcome}`, { ms: outcome.readerMs });
    setActionStatus(message);
    announce.polite(message);
  };

  const speakTest = async (language: Language) => {
    const text = t('speech.test_phrase', { lng: language });
    const r = await renderSpeech({
      text,
      language,
      kind: 'ui',
      key: 'technician:speech.test_phrase',
    });
    const message = r.ok
      ? t('speech.test_ok', { language: t(`languages.${language}`), ms: r.durationMs })
      : t('speech.test_failed', { language: t(`languages.${language}`), reason: r.reason });
    // Heard whether or not the visitor setting has speech on: the technician asked for it.
    if (r.ok) speech.say([{ text, language, kind: 'ui', key: 'technician:speech.test_phrase' }], true);
    setActionStatus(message);
    announce.polite(message);
  };

  return (
    <section className="technician-panel" aria-labelledby="technician-diagnostics">
      <h3 id="technician-diagnostics">
        <Text ns={NS} k="diagnostics.heading" />
      </h3>
      <KioskButton
        onPress={() => {
          runAll();
          setMediaRun((run) => run + 1);
        }}
      >
        <Text ns={NS} k="diagnostics.run_again" />
      </KioskButton>
      <ul className="technician-checks">
        {CHECK_IDS.map((id) => {
          const result = results[id];
          return (
            <li
              key={id}
              className={`technician-check technician-check--${result?.state ?? 'running'}`}
              aria-busy={result?.state === 'running'}
            >
              <h4 className="technician-check__name">
                <Text ns={NS} k={`checks.${id}`} />
                {': '}
                <span className="technician-check__state">
                  <Text ns={NS} k={`state.${result?.state ?? 'running'}`} />
                </span>
              </h4>
              {result?.lines.map((line) => (
                <p key={line} className="technician-check__line">
                  {line}
                </p>
              ))}
              {result?.printers?.map((printer) => (
                <KioskButton key={printer} onPress={() => void printTest(printer)}>
                  <Text ns={NS} k="printers.test" values={{ name: printer }} />
                </KioskButton>
              ))}
              {result?.cardTest ? (
                <KioskButton onPress={() => void cardTest()}>
                  <Text ns={NS} k="id_card.test" />
                </KioskButton>
              ) : null}
              {result?.languages?.map((language) => (
                <KioskButton key={language} onPress={() => void speakTest(language)}>
                  <Text ns={NS} k="speech.test" values={{ language: t(`languages.${language}`) }} />
                </KioskButton>
              ))}
            </li>
          );
        })}
        <MediaChecks key={mediaRun} onLocked={onLocked} />
      </ul>
      <p className="technician-status">{actionStatus}</p>
    </section>
  );
}
