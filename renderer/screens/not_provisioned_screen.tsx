import { useEffect } from 'react';
import type { ConfigProblem, EnrollmentHub } from '../../common/contract/system_methods';
import { LiveRegions } from '../components/live_regions';
import { Text } from '../i18n/text';
import { installKeypadFocus } from './technician/keypad_focus';
import { ProvisionForm } from './technician/provision_form';

/** Shown instead of a blank window when the provisioning file is missing or invalid. */
export function NotProvisionedScreen({
  problem,
  enrollmentHubs,
}: {
  problem: ConfigProblem;
  enrollmentHubs: readonly EnrollmentHub[];
}) {
  useEffect(() => installKeypadFocus(document), []);
  return (
    <main className="screen not-provisioned" aria-labelledby="np-heading">
      <h1 id="np-heading">
        <Text k="not_provisioned.title" />
      </h1>
      <p className="lead">
        <Text k="not_provisioned.body" />
      </p>
      <section className="staff-detail" aria-labelledby="np-detail">
        <h2 id="np-detail">
          <Text k="not_provisioned.staff_detail" />
        </h2>
        {problem.field ? (
          <p>
            <Text k="not_provisioned.field" values={{ field: problem.field }} />
          </p>
        ) : null}
        <p lang="en">{problem.message}</p>
      </section>
      <ProvisionForm hubs={enrollmentHubs} />
      {/* what each on-screen key press typed, for screen readers */}
      <LiveRegions />
    </main>
  );
}
