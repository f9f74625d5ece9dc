import '../../styles/directory.css';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app_context';
import { KioskButton } from '../../components/kiosk_button';
import { PagedList } from '../../components/paged_list';
import { ScreenHeading } from '../../components/screen_heading';
import { usePublished } from '../../data/published_data';
import { Text } from '../../i18n/text';
import { DataText } from '../../published/data_text';
import { LoadState } from '../../published/load_state';
import { CampaignBanner } from './campaign_banner';

/** Legal knowledge: the featured campaign, the legal-aid guide, and short articles. */
export function KnowledgeScreen() {
  const { store } = useApp();
  const { t } = useTranslation('knowledge');
  const published = usePublished('content.library');
  return (
    <section className="screen knowledge-screen" aria-labelledby="screen-heading">
      <ScreenHeading ns="knowledge" k="heading" intro={[{ ns: 'knowledge', k: 'intro' }]} />
      <CampaignBanner linked={false} />
      <div className="screen-actions">
        <KioskButton onPress={() => store.navigate({ name: 'legal_aid_guide' })}>
          <Text ns="knowledge" k="guide_button" />
        </KioskButton>
      </div>
      {published.status !== 'ready' ? (
        <LoadState ns="knowledge" failed={published.status === 'failed'} />
      ) : (
        <PagedList
          items={published.value.library.articles}
          pageSize={4}
          getKey={(article) => article.id}
          label={t('articles')}
          renderItem={(article) => (
            <button
              type="button"
              className="article-card"
              aria-describedby={`article-summary-${article.id}`}
              onClick={() => store.navigate({ name: 'knowledge_article', id: article.id })}
            >
              <span className="article-card__title">
                <DataText text={article.title} />
              </span>
              <span className="article-card__summary" id={`article-summary-${article.id}`}>
                <DataText text={article.summary} />
              </span>
            </button>
          )}
        />
      )}
    </section>
  );
}
