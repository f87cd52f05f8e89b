import { Divider, Paper, Stack, Text, Title } from '@mantine/core';
import type { PostDeploymentReview } from '../../shared/contract/review-methods';
import { isManagerRole } from '../../shared/domain/role-access';
import { useProfile } from '../state/profile';
import { ReviewForm } from './ReviewForm';
import { ReviewMeasuresView } from './ReviewMeasuresView';
import { useText } from '../i18n/i18n';

/**
 * The post-deployment review in the close-out: the measures computed from the data, read-only,
 * and the release manager's texts and action items (editable by release managers and
 * administrators only, like the rest of the plan).
 */
export function ReviewSection({ data }: { data: PostDeploymentReview }) {
  const t = useText();
  const role = useProfile((s) => s.profile?.role);
  const editable = isManagerRole(role);
  return (
    <Paper withBorder p="sm" data-testid="review-section" data-saved={data.review !== null}>
      <Stack gap="sm">
        <div>
          <Title order={5}>{t('closeout.reviewSection.postDeploymentReview')}</Title>
          <Text size="xs" c="dimmed">
            {t('closeout.reviewSection.theCloseOutReport')}
          </Text>
        </div>
        <ReviewMeasuresView measures={data.measures} />
        <Divider />
        <ReviewForm deploymentId={data.deploymentId} review={data.review} editable={editable} />
      </Stack>
    </Paper>
  );
}
