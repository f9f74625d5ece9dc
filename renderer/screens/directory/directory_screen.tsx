import '../../styles/directory.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ACCESSIBILITY_FEATURES,
  DISTRICTS,
  INSTITUTION_KINDS,
  type Institution,
} from '../../../common/directory/directory_schema';
import { type DirectoryQuery, searchDirectory } from '../../../common/directory/directory_search';
import { useAnnounce, useSpeech } from '../../a11y/kit_context';
import { useApp } from '../../app_context';
import { KioskButton } from '../../components/kiosk_button';
import { PagedList } from '../../components/paged_list';
import { ScreenHeading } from '../../components/screen_heading';
import { usePublished } from '../../data/published_data';
import { Text } from '../../i18n/text';
import { DataText } from '../../published/data_text';
import { LoadState } from '../../published/load_state';
import { directoryIndexFor } from './directory_index_cache';
import { LetterPad } from './letter_pad';
import { SampleNotice } from './sample_notice';

const PAGE_SIZE = 5;

/**
 * 法治地图 offline: search by pinyin initials or hanzi, filter by kind, district and accessibility feature, open an
 * institution.
 */
export function DirectoryScreen({ initial }: { initial: DirectoryQuery }) {
  const { store, terminal } = useApp();
  // Kept in the screen, not the route: a route change remounts the screen (and moves focus) per keystroke.
  const [query, setQuery] = useState<DirectoryQuery>(initial);
  const published = usePublished('directory.dataset');
  const loaded = published.status === 'ready' ? published.value : null;
  const dataset = loaded?.dataset ?? null;
  const index = useMemo(
    () => (loaded ? directoryIndexFor(loaded.dataset, loaded.spellings, terminal.centre.id) : null),
    [loaded, terminal.centre.id],
  );
  const results = useMemo(() => (index ? searchDirectory(index, query) : []), [index, query]);
  const update = (change: Partial<DirectoryQuery>) => setQuery((current) => ({ ...current, ...change }));

  return (
    <section className="screen directory-screen" aria-labelledby="screen-heading">
      <ScreenHeading ns="directory" k="heading" intro={[{ ns: 'directory', k: 'intro' }]} />
      {published.status !== 'ready' ? (
        <LoadState ns="directory" failed={published.status === 'failed'} />
      ) : (
        <>
          {dataset?.sample ? <SampleNotice /> : null}
          <SearchBox text={query.text ?? ''} onChange={(text) => update({ text })} />
          <Results
            results={results}
            ownCentreId={terminal.centre.id}
            onOpen={(institution) =>
              store.navigate({ name: 'directory_detail', id: institution.id, from: query })
            }
          />
          <Filters query={query} onChange={update} />
        </>
      )}
    </section>
  );
}

function SearchBox({ text, onChange }: { text: string; onChange: (text: string) => void }) {
  return (
    <div className="directory-search">
      <p className="directory-search__label" id="directory-search-label">
        <Text ns="directory" k="search.label" />
        {' · '}
        <Text ns="directory" k="search.hint" />
      </p>
      <p className="directory-search__value">
        {text ? (
          <Text ns="directory" k="search.current" values={{ text }} />
        ) : (
          <Text ns="directory" k="search.empty" />
        )}
      </p>
      <LetterPad value={text} onChange={onChange} />
    </div>
  );
}

function Results({
  results,
  ownCentreId,
  onOpen,
}: {
  results: Institution[];
  ownCentreId: string;
  onOpen: (institution: Institution) => void;
}) {
  const { t } = useTranslation('directory');
  const announcer = useAnnounce();
  const speech = useSpeech();
  const count = results.length;
  const first = useRef(true);
  // Each keystroke changes the results: show and say how many (speech only when the visitor turned it on).
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const total = results.length;
    announcer.polite(total === 0 ? t('results.none') : t('results.count', { count: total }));
    speech.sayParts([
      total === 0
        ? { ns: 'directory', k: 'results.none' }
        : { ns: 'directory', k: 'results.count', values: { count: total } },
    ]);
  }, [results, announcer, speech, t]);

  if (count === 0)
    return (
      <p className="directory-results__none">
        <Text ns="directory" k="results.none" />
      </p>
    );
  return (
    <div className="directory-results">
      <p className="directory-results__count">
        <Text ns="directory" k="results.count" values={{ count }} />
      </p>
      <PagedList
        key={results.map((institution) => institution.id).join(',')}
        items={results}
        pageSize={PAGE_SIZE}
        getKey={(institution) => institution.id}
        label={t('results.label')}
        renderItem={(institution) => (
          <button type="button" className="institution-card" onClick={() => onOpen(institution)}>
            <span className="institution-card__name">
              <DataText text={institution.name} />
            </span>
            <span className="institution-card__meta">
              <Text ns="directory" k={`kinds.${institution.kind}`} />
              {' · '}
              <Text ns="directory" k={`districts.${institution.district}`} />
              {institution.id === ownCentreId ? (
                <>
                  {' · '}
                  <Text ns="directory" k="results.own_centre" />
                </>
              ) : null}
            </span>
          </button>
        )}
      />
    </div>
  );
}

function Filters({
  query,
  onChange,
}: {
  query: DirectoryQuery;
  onChange: (change: Partial<DirectoryQuery>) => void;
}) {
  return (
    <div className="directory-filters">
      <fieldset className="directory-filters__group">
        <legend>
          <Text ns="directory" k="filters.kind" />
        </legend>
        <KioskButton pressed={!query.kind} onPress={() => onChange({ kind: undefined })}>
          <Text ns="directory" k="filters.all_kinds" />
        </KioskButton>
        {INSTITUTION_KINDS.map((kind) => (
          <KioskButton key={kind} pressed={query.kind === kind} onPress={() => onChange({ kind })}>
            <Text ns="directory" k={`kinds.${kind}`} />
          </KioskButton>
        ))}
      </fieldset>
      <fieldset className="directory-filters__group">
        <legend>
          <Text ns="directory" k="filters.district" />
        </legend>
        <KioskButton pressed={!query.district} onPress={() => onChange({ district: undefined })}>
          <Text ns="directory" k="filters.all_districts" />
        </KioskButton>
        {DISTRICTS.map((district) => (
          <KioskButton
            key={district}
            pressed={query.district === district}
            onPress={() => onChange({ district })}
          >
            <Text ns="directory" k={`districts.${district}`} />
          </KioskButton>
        ))}
      </fieldset>
      <fieldset className="directory-filters__group">
        <legend>
          <Text ns="directory" k="filters.feature" />
        </legend>
        <KioskButton pressed={!query.feature} onPress={() => onChange({ feature: undefined })}>
          <Text ns="directory" k="filters.any_feature" />
        </KioskButton>
        {ACCESSIBILITY_FEATURES.map((feature) => (
          <KioskButton
            key={feature}
            pressed={query.feature === feature}
            onPress={() => onChange({ feature })}
          >
            <Text ns="directory" k={`accessibility.${feature}`} />
          </KioskButton>
        ))}
      </fieldset>
    </div>
  );
}
