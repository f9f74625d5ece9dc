import type { Screen } from '../state/screens';
import { DirectoryScreen } from './directory/directory_screen';
import { InstitutionDetailScreen } from './directory/institution_detail_screen';
import { FeeCalculatorScreen } from './fees/fee_calculator_screen';
import { DraftKeptScreen } from './forms/draft_kept_screen';
import { FormReceiptScreen } from './forms/form_receipt_screen';
import { FormReviewScreen } from './forms/form_review_screen';
import { FormStartScreen } from './forms/form_start_screen';
import { FormStepScreen } from './forms/form_step_screen';
import { FormsMenuScreen } from './forms/forms_menu_screen';
import { HelpScreen } from './help_screen';
import { HomeScreen } from './home_screen';
import { ArticleScreen } from './knowledge/article_screen';
import { KnowledgeScreen } from './knowledge/knowledge_screen';
import { LegalAidGuideScreen } from './legal_aid_guide/legal_aid_guide_screen';
import { StaffScreen } from './staff/staff_screen';
import { TechnicianScreen } from './technician/technician_screen';
import { VideoCallScreen } from './video/video_call_screen';

/** Renders the screen the visitor is on. */
export function CurrentScreen({ screen }: { screen: Screen }) {
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
  }
}
