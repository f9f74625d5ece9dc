import { Suspense } from 'react';
import { lazyComponent } from '../lazy_component';
import type { Screen } from '../state/screens';
import { HomeScreen } from './home_screen';

// Only the home screen is in the first chunk; every other screen loads when the visitor first opens it.
const HelpScreen = lazyComponent(() => import('./help_screen').then((m) => m.HelpScreen));
const DirectoryScreen = lazyComponent(() =>
  import('./directory/directory_screen').then((m) => m.DirectoryScreen),
);
const InstitutionDetailScreen = lazyComponent(() =>
  import('./directory/institution_detail_screen').then((m) => m.InstitutionDetailScreen),
);
const FeeCalculatorScreen = lazyComponent(() =>
  import('./fees/fee_calculator_screen').then((m) => m.FeeCalculatorScreen),
);
const DraftKeptScreen = lazyComponent(() =>
  import('./forms/draft_kept_screen').then((m) => m.DraftKeptScreen),
);
const FormReceiptScreen = lazyComponent(() =>
  import('./forms/form_receipt_screen').then((m) => m.FormReceiptScreen),
);
const FormReviewScreen = lazyComponent(() =>
  import('./forms/form_review_screen').then((m) => m.FormReviewScreen),
);
const FormStartScreen = lazyComponent(() =>
  import('./forms/form_start_screen').then((m) => m.FormStartScreen),
);
const FormStepScreen = lazyComponent(() => import('./forms/form_step_screen').then((m) => m.FormStepScreen));
const FormsMenuScreen = lazyComponent(() =>
  import('./forms/forms_menu_screen').then((m) => m.FormsMenuScreen),
);
const ArticleScreen = lazyComponent(() => import('./knowledge/article_screen').then((m) => m.ArticleScreen));
const KnowledgeScreen = lazyComponent(() =>
  import('./knowledge/knowledge_screen').then((m) => m.KnowledgeScreen),
);
const LegalAidGuideScreen = lazyComponent(() =>
  import('./legal_aid_guide/legal_aid_guide_screen').then((m) => m.LegalAidGuideScreen),
);
const StaffScreen = lazyComponent(() => import('./staff/staff_screen').then((m) => m.StaffScreen));
const TechnicianScreen = lazyComponent(() =>
  import('./technician/technician_screen').then((m) => m.TechnicianScreen),
);
const CardCheckScreen = lazyComponent(() =>
  import('./forms/id_card/card_check_screen').then((m) => m.CardCheckScreen),
);
const StatusLookupScreen = lazyComponent(() =>
  import('./status/status_lookup_screen').then((m) => m.StatusLookupScreen),
);
const VideoCallScreen = lazyComponent(() =>
  import('./video/video_call_screen').then((m) => m.VideoCallScreen),
);

/** Renders the screen the visitor is on (a screen not loaded yet shows nothing for the moment it loads). */
export function CurrentScreen({ screen }: { screen: Screen }) {
  return (
    <Suspense fallback={null}>
      <ScreenFor screen={screen} />
    </Suspense>
  );
}

function ScreenFor({ screen }: { screen: Screen }) {
  switch (screen.name) {
    case 'home':
      return <HomeScreen />;
    case 'help':
      return <HelpScreen />;
    case 'directory': {
      const { name: _name, ...query } = screen;
      return <DirectoryScreen initial={query} />;
    }
    case 'directory_detail':
      return <InstitutionDetailScreen id={screen.id} from={screen.from} />;
    case 'notary_fees':
      return <FeeCalculatorScreen />;
    case 'legal_aid_guide':
      return <LegalAidGuideScreen />;
    case 'legal_knowledge':
      return <KnowledgeScreen />;
    case 'knowledge_article':
      return <ArticleScreen id={screen.id} />;
    case 'forms_menu':
      return <FormsMenuScreen />;
    case 'form_start':
      return <FormStartScreen templateId={screen.templateId} />;
    case 'form_step':
      return (
        <FormStepScreen draftId={screen.draftId} stepId={screen.stepId} fromReview={screen.fromReview} />
      );
    case 'form_card_check':
      return (
        <CardCheckScreen
          draftId={screen.draftId}
          holder={screen.holder}
          offerLanguage={screen.offerLanguage}
        />
      );
    case 'form_review':
      return <FormReviewScreen draftId={screen.draftId} />;
    case 'form_kept':
      return <DraftKeptScreen draftId={screen.draftId} code={screen.code} stepId={screen.stepId} />;
    case 'form_receipt':
      return <FormReceiptScreen uuid={screen.uuid} />;
    case 'technician':
      return <TechnicianScreen />;
    case 'staff':
      return <StaffScreen />;
    case 'video_call':
      return <VideoCallScreen />;
    case 'status_lookup':
      return <StatusLookupScreen />;
  }
}
