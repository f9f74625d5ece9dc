import '../../styles/directory.css';
import type { Article } from '../../../common/content/content_schema';
import { articleSignKey } from '../../../common/sign_language/sign_keys';
import { useSpeech } from '../../a11y/kit_context';
import { useApp } from '../../app_context';
import { KioskButton } from '../../components/kiosk_button';
import { ScreenHeading } from '../../components/screen_heading';
import { usePublished } from '../../data/published_data';
import { Text } from '../../i18n/text';
import { DataText, useDataText } from '../../published/data_text';
import { LoadState } from '../../published/load_state';
import { useSignKeys } from '../../sign_language/sign_context';
import type { SpeechPart } from '../../speech/speech_output';

/** One article, readable aloud paragraph by paragraph. */
export function ArticleScreen({ id }: { id: string }) {
  const published = usePublished('content.library');
  const article =
    published.status === 'ready'
      ? published.value.library.articles.find((candidate) => candidate.id === id)
      : undefined;
  if (article) return <ArticleView article={article} />;
  return (
    <section className="screen" aria-labelledby="screen-heading">
      <LoadState ns="knowledge" failed={published.status !== 'loading'} />
    </section>
  );
}

function ArticleView({ article }: { article: Article }) {
  const { store } = useApp();
  const speech = useSpeech();
  const pick = useDataText();
  const title = pick(article.title);
  useSignKeys([articleSignKey(article.id)], 'screen', 10);
  const body: SpeechPart[] = article.paragraphs.map((paragraph) => ({
    ns: 'knowledge',
    k: 'article.text',
    values: { text: pick(paragraph) },
  }));
  return (
    <section className="screen article-screen" aria-labelledby="screen-heading">
      <ScreenHeading ns="knowledge" k="article.text" values={{ text: title }} />
      <p className="article-summary">
        <DataText text={article.summary} />
      </p>
      <div className="screen-actions">
        <KioskButton
          variant="primary"
          onPress={() =>
            speech.sayParts([{ ns: 'knowledge', k: 'article.text', values: { text: title } }, ...body], true)
          }
        >
          <Text ns="knowledge" k="article.read_aloud" />
        </KioskButton>
        <KioskButton onPress={() => store.navigate({ name: 'legal_knowledge' })}>
          <Text ns="knowledge" k="article.back" />
        </KioskButton>
      </div>
      {article.paragraphs.map((paragraph) => (
        <p key={paragraph['zh-CN']} className="article-paragraph">
          <DataText text={paragraph} />
        </p>
      ))}
      <h3>
        <Text ns="knowledge" k="article.sources" />
      </h3>
      <ul className="guide-list">
        {article.sources.map((source) => (
          <li key={source['zh-CN']}>
            <DataText text={source} />
          </li>
        ))}
      </ul>
    </section>
  );
}
