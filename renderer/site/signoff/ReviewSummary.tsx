import { Group, Paper, SimpleGrid, Text } from '@mantine/core';
import type { SignOffReview } from '../../../shared/domain/signoff';
import type { SiteLanguage } from '../../../shared/i18n/languages';
import { columnKey, decisionText, kindText, phaseText, scopeText } from '../../../shared/i18n/review-terms';
import { Time } from '../../format/Time';
import { useOwnerText } from '../../i18n/owner-text';
import { SmallTable } from '../../shell/SmallTable';
import { PhotoThumb } from '../issues/PhotoThumb';

function Section({ title, children, testId }: { title: string; children: React.ReactNode; testId: string }) {
  return (
    <Paper withBorder data-testid={testId}>
      <Text fw={600} size="sm" px="sm" py={6}>
        {title}
      </Text>
      {children}
    </Paper>
  );
}

/** In the site's zone, named (the workspace's display zone). */
const when = (iso: string | null) => <Time iso={iso} />;

/** Exactly what the sheet will cover (apart from the issues, shown with their exception controls), in the signer's language. */
export function ReviewSummary({ review, language }: { review: SignOffReview; language: SiteLanguage }) {
  const t = useOwnerText(language);
  const col = (column: Parameters<typeof columnKey>[0]) => t(columnKey(column));
  const inv = review.inventory;
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm" lang={language}>
      <Section title={t('review.componentsCount', { n: review.components.length })} testId="review-components">
        <SmallTable
          head={[col('name'), col('kind'), col('scope'), col('version')]}
          rows={review.components.map((c) => [c.name, kindText(t, c.kind), scopeText(t, c.scope), c.targetVersion ?? '—'])}
          empty={t('review.noComponents')}
        />
      </Section>
      {review.site && (
        <Section title={t('review.checklistByPhase')} testId="review-checklist">
          <SmallTable
            head={[col('phase'), col('done'), col('failed'), col('openRequired'), col('completed')]}
            rows={review.checklist.map((p) => [
              phaseText(t, p.phase),
              `${p.done} / ${p.total}`,
              p.failed,
              p.openRequired,
              when(p.completedAt),
            ])}
            empty={t('review.noChecklist')}
          />
        </Section>
      )}
      {review.site && (
        <Section title={t('review.checksLatest')} testId="review-checks">
          <SmallTable
            head={[col('target'), col('role'), col('result'), col('finished')]}
            rows={review.checks.map((c) => [
              c.target,
              c.role || '—',
              c.outcome === 'not checked' ? (
                <Text span size="xs" c="dimmed">
                  {t('review.notChecked')}
                </Text>
              ) : (
                c.result
              ),
              when(c.finishedAt),
            ])}
            empty={t('review.noTargets')}
          />
        </Section>
      )}
      {inv && (
        <Section title={t('review.inventory')} testId="review-inventory">
          <Group gap="lg" px="sm" pb={6}>
            <Text size="xs">{t('review.expectedN', { n: inv.expected })}</Text>
            <Text size="xs">{t('review.receivedN', { n: inv.received })}</Text>
            <Text size="xs" c={inv.missing ? 'orange' : undefined}>
              {t('review.missingN', { n: inv.missing })}
            </Text>
            <Text size="xs">{t('review.surplusN', { n: inv.surplus })}</Text>
            <Text size="xs" c={inv.damaged ? 'red' : undefined}>
              {t('review.damagedN', { n: inv.damaged })}
            </Text>
          </Group>
          <Text size="xs" c="dimmed" px="sm" pb="sm">
            {t('review.itemsListed', { n: inv.exceptions.length })}
          </Text>
        </Section>
      )}
      {review.photos && review.photos.length > 0 && (
        <Section title={t('review.photosCount', { n: review.photos.length })} testId="review-photos">
          <SimpleGrid cols={2} px="sm" pb="sm">
            {review.photos.map((photo) => (
              <div key={`${photo.sha256} ${photo.subject}`}>
                <PhotoThumb sha256={photo.sha256} />
                <Text size="xs">{photo.subject}</Text>
              </div>
            ))}
          </SimpleGrid>
        </Section>
      )}
      {review.training && (
        <Section title={t('training.heading', { count: review.training.length })} testId="review-training">
          <SmallTable
            head={[t('training.session'), t('training.start'), t('training.trainer'), t('training.attendance')]}
            rows={review.training.map((s) => {
              const signed = s.attendees.filter((a) => a.attendance === 'signed').length;
              return [
                s.topic,
                when(s.startsAt),
                s.trainer,
                t('training.attendanceSummary', { signed, absent: s.attendees.length - signed }),
              ];
            })}
            empty={t('training.noSession')}
          />
        </Section>
      )}
      {review.sites && (
        <Section title={t('review.sitesCount', { n: review.sites.length })} testId="review-sites">
          <SmallTable
            head={[col('site'), col('status'), col('siteSheet'), col('decision')]}
            rows={review.sites.map((s) => [
              `${s.code} ${s.name}`,
              s.status,
              s.sheetHash ? s.sheetHash.slice(0, 12) : t('review.notSigned'),
              s.sheetDecision ? decisionText(t, s.sheetDecision) : '—',
            ])}
            empty={t('review.noSites')}
          />
        </Section>
      )}
    </SimpleGrid>
  );
}
