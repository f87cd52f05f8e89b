import { Badge, Button, Group, Paper, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { ReviewGap as Gap } from '../../../shared/domain/signoff';
import { useText } from '../../i18n/i18n';

/** Reason per gap id, as typed. */
export type GapDraft = Record<string, string>;

interface Props {
  gaps: readonly Gap[];
  draft: GapDraft;
  onChange: (next: GapDraft) => void;
  /** Reasons are asked only for "Accepted with exceptions". */
  askReasons: boolean;
  disabled: boolean;
}

/**
 * What stands between this site and "Accepted", shown first: every open gap, each with the reason
 * it is accepted with when signing "Accepted with exceptions" (issues are accepted below).
 */
export function GapList({ gaps, draft, onChange, askReasons, disabled }: Props) {
  const t = useText();
  const [common, setCommon] = useState('');
  if (gaps.length === 0) {
    return (
      <Paper withBorder p="sm" data-testid="signoff-gaps">
        <Text size="sm" c="green">
          {t('site.signoff.gapList.noOpenGaps')}
        </Text>
      </Paper>
    );
  }
  const reasonable = gaps.filter((g) => g.kind !== 'open_issue');
  const fillEmpty = () =>
    onChange({ ...draft, ...Object.fromEntries(reasonable.filter((g) => !(draft[g.id] ?? '').trim()).map((g) => [g.id, common.trim()])) });
  return (
    <Paper withBorder data-testid="signoff-gaps">
      <Text fw={600} size="sm" px="sm" pt={6} c="orange">
        {t('site.signoff.gapList.openGaps', { gaps: gaps.length })}
      </Text>
      <Text size="xs" c="dimmed" px="sm" pb={4}>
        {t('site.signoff.gapList.finishOrGiveReasons')}
      </Text>
      {askReasons && reasonable.length > 1 && (
        <Group px="sm" pb={6} gap="xs" align="flex-end">
          <TextInput
            size="xs"
            style={{ flex: 1 }}
            label={t('site.signoff.gapList.commonReason')}
            value={common}
            disabled={disabled}
            onChange={(e) => setCommon(e.currentTarget.value)}
            data-testid="gap-common-reason"
          />
          <Button size="xs" variant="light" disabled={disabled || common.trim() === ''} onClick={fillEmpty} data-testid="gap-fill-reasons">
            {t('site.signoff.gapList.useForEmpty')}
          </Button>
        </Group>
      )}
      <Table fz="xs" verticalSpacing={4}>
        <Table.Tbody>
          {gaps.map((gap) => (
            <Table.Tr key={gap.id} data-testid="signoff-gap" data-gap-kind={gap.kind}>
              <Table.Td w={110}>
                <Badge size="xs" variant="light" color={gap.kind === 'open_issue' ? 'red' : 'orange'}>
                  {t(`site.signoff.gapList.kind.${gap.kind}`)}
                </Badge>
              </Table.Td>
              <Table.Td>{gap.label}</Table.Td>
              <Table.Td w="40%">
                {gap.kind === 'open_issue' ? (
                  <Text size="xs" c="dimmed">
                    {t('site.signoff.gapList.acceptUnderIssues')}
                  </Text>
                ) : askReasons ? (
                  <TextInput
                    size="xs"
                    aria-label={t('site.signoff.gapList.reasonFor', { gap: gap.label })}
                    placeholder={t('site.signoff.gapList.reasonRequired')}
                    value={draft[gap.id] ?? ''}
                    disabled={disabled}
                    error={(draft[gap.id] ?? '').trim() === ''}
                    onChange={(e) => onChange({ ...draft, [gap.id]: e.currentTarget.value })}
                    data-testid="gap-reason"
                  />
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
