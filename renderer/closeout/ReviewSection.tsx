import { Divider, Paper, Stack, Text, Title } from '@mantine/core';
import type { PostDeploymentReview } from '../../shared/contract/review-methods';
import { isManagerRole } from '../../shared/domain/role-access';
import { useProfile } from '../state/profile';
import { ReviewForm } from './ReviewForm';
import { ReviewMeasuresView } from './ReviewMeasuresView';

/**
 * The post-deployment review in the close-out: the measures computed from the data, read-only,
 * and the release manager's texts and action items (editable by release managers and
 * administrators only, like the rest of the plan).
 */
export function ReviewSection({ data }: { data: PostDeploymentReview }) {
  const role = useProfile((s) => s.profile?.role);
  const editable = isManagerRole(role);
  return (
    <Paper withBorder p="sm" data-testid="review-section" data-saved={data.review !== null}>
      <Stack gap="sm">
        <div>
          <Title order={5}>Post-deployment review</Title>
          <Text size="xs" c="dimmed">
            The close-out report and the Deployment Complete Milestone sheet carry this review and its measures.
          </Text>
        </div>
        <ReviewMeasuresView measures={data.measures} />
        <Divider />
        <ReviewForm deploymentId={data.deploymentId} review={data.review} editable={editable} />
      </Stack>
    </Paper>
  );
}
