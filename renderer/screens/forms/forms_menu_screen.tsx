import '../../styles/forms.css';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app_context';
import { PagedList } from '../../components/paged_list';
import { ScreenHeading } from '../../components/screen_heading';
import { useFormTemplates } from '../../data/forms_data';
import { LocalText } from '../../i18n/local_text';

/** Every form this terminal offers (consultation, feedback, …) as large tiles. */
export function FormsMenuScreen() {
  const { store } = useApp();
  const { t } = useTranslation('forms_ui');
  const listed = useFormTemplates();
  const templates = listed.status === 'ready' ? listed.value : null;
  return (
    <section className="screen forms-menu" aria-labelledby="screen-heading">
      <ScreenHeading k="menu.heading" ns="forms_ui" />
      {templates ? (
        <PagedList
          items={templates}
          pageSize={4}
          label={t('menu.list_label')}
          getKey={(template) => template.id}
          className="forms-menu__list"
          renderItem={(template) => (
            <button
              type="button"
              className="tile"
              aria-describedby={`form-hint-${template.id}`}
              onClick={() => store.navigate({ name: 'form_start', templateId: template.id })}
            >
              <span className="tile__title">
                <LocalText text={template.title} />
              </span>
              <span className="tile__hint" id={`form-hint-${template.id}`}>
                <LocalText text={template.description} />
              </span>
            </button>
          )}
        />
      ) : null}
    </section>
  );
}
