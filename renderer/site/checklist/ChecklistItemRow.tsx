import { Badge, Button, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconArrowBackUp, IconCheck, IconLink, IconMinus, IconX } from '@tabler/icons-react';
import { memo, useState } from 'react';
import type { ChecklistItem } from '../../../shared/domain/checklist';
import type { ChecklistItemState } from '../../../shared/domain/enums';
import { checkItemTransition, isSettled, missingEvidence } from '../../../shared/logic/checklist-rules';
import { Time } from '../../format/Time';
import { EVIDENCE_LABELS, ITEM_STATE } from '../../status/labels';
import { openIssueDraft } from '../issues/issue-draft';
import { CollapsibleText } from '../../shell/CollapsibleText';
import { EvidencePhotos } from './EvidencePhotos';
import { EvidenceRunBadges } from './EvidenceRunBadges';
import { ItemStateIcon } from './ItemStateIcon';
import classes from './ChecklistItemRow.module.css';
import { useText } from '../../i18n/i18n';

interface Props {
  item: ChecklistItem;
  dependency: ChecklistItem | null;
  phaseCompleted: boolean;
  busy: boolean;
  onSet: (item: ChecklistItem, state: ChecklistItemState) => void;
}

function ActionButton(props: {
  label: string;
  reason: string | null;
  onClick: () => void;
  color: string;
  icon: React.ReactNode;
  testId: string;
  loading?: boolean;
}) {
  const button = (
    <Button
      size="compact-xs"
      variant="light"
      color={props.color}
      leftSection={props.icon}
      disabled={props.reason !== null}
      loading={props.loading}
      onClick={props.onClick}
      data-testid={props.testId}
    >
      {props.label}
    </Button>
  );
  if (!props.reason) return button;
  return (
    <Tooltip label={props.reason} multiline maw={280}>
      <span>{button}</span>
    </Tooltip>
  );
}

export const ChecklistItemRow = memo(function ChecklistItemRow({ item, dependency, phaseCompleted, busy, onSet }: Props) {
  const t = useText();
  const [open, setOpen] = useState(false);
  const verdict = (next: ChecklistItemState) => {
    // N/A, Failed and a note item's Done ask for the note in a dialog: judge them as if it were given.
    const note = next === 'todo' || (next === 'done' && item.evidence !== 'note') ? '' : 'x';
    const v = checkItemTransition(item, next, note, dependency, phaseCompleted);
    return v.allowed ? null : v.reason;
  };
  const waiting = dependency !== null && !isSettled(dependency.state);
  // What the item still lacks before it can be done (a note is asked for when Done is clicked).
  const lacking = item.state !== 'done' && item.evidence !== 'note' && item.evidence !== 'none' && missingEvidence(item, '') !== null;

  return (
    <div className={classes.row} data-testid="checklist-item" data-item-id={item.id} data-state={item.state} data-required={item.required}>
      <ItemStateIcon state={item.state} />
      <div style={{ minWidth: 0 }}>
        <div className={classes.title}>
          {item.title}{' '}
          {item.required ? (
            <Badge size="xs" variant="outline" color="red" ml={4} data-testid="item-required">
              {t('site.checklist.checklistItemRow.required')}
            </Badge>
          ) : (
            <Badge size="xs" variant="outline" color="gray" ml={4}>
              {t('site.checklist.checklistItemRow.optional')}
            </Badge>
          )}
          {item.state !== 'todo' && (
            <Badge size="xs" variant="light" color={ITEM_STATE[item.state].color} ml={4} data-testid="item-state">
              {ITEM_STATE[item.state].label}
            </Badge>
          )}
        </div>
        <div className={classes.meta}>
          {item.evidence !== 'none' && (
            <span
              style={lacking ? { color: 'var(--mantine-color-orange-text)' } : undefined}
              data-testid="item-evidence"
              data-missing={lacking || undefined}
            >
              {t(
                !lacking
                  ? 'site.checklist.checklistItemRow.evidence'
                  : item.evidence === 'photo'
                    ? 'site.checklist.checklistItemRow.evidenceNoPhoto'
                    : 'site.checklist.checklistItemRow.evidenceNoPassingRun',
                { evidence: EVIDENCE_LABELS[item.evidence] },
              )}
            </span>
          )}
          {dependency && (
            <span style={waiting ? { color: 'var(--mantine-color-orange-text)' } : undefined}>
              <IconLink size={11} style={{ verticalAlign: -1 }} />{' '}
              {t(waiting ? 'site.checklist.checklistItemRow.afterWaiting' : 'site.checklist.checklistItemRow.after', {
                title: dependency.title,
              })}
            </span>
          )}
          {item.stateAt && item.state !== 'todo' && (
            <span>
              {t('site.checklist.checklistItemRow.stateBy', { state: ITEM_STATE[item.state].label, name: item.stateBy ?? '?' })} ·{' '}
              <Time iso={item.stateAt} />
            </span>
          )}
          {item.instructions && (
            <button
              type="button"
              className={classes.toggle}
              onClick={() => setOpen(!open)}
              aria-expanded={open}
              data-testid="item-instructions-toggle"
            >
              {open ? t('site.checklist.checklistItemRow.hideInstructions') : t('site.checklist.checklistItemRow.instructions')}
            </button>
          )}
        </div>
        <EvidenceRunBadges runs={item.evidenceRuns} />
        {(item.evidence === 'photo' || item.evidencePhotos.length > 0) && (
          <EvidencePhotos item={item} canAdd={!phaseCompleted && item.state !== 'done'} />
        )}
        {open && <div className={classes.instructions}>{item.instructions}</div>}
        {item.note && <CollapsibleText className={classes.note}>{item.note}</CollapsibleText>}
      </div>
      <div className={classes.actions}>
        {item.state !== 'done' && item.state !== 'not_applicable' && (
          <ActionButton
            label={t('site.checklist.checklistItemRow.done')}
            color="green"
            icon={<IconCheck size={12} />}
            reason={verdict('done')}
            onClick={() => onSet(item, 'done')}
            testId="item-done"
            loading={busy}
          />
        )}
        {item.state === 'todo' && (
          <>
            <ActionButton
              label="N/A"
              color="blue"
              icon={<IconMinus size={12} />}
              reason={verdict('not_applicable')}
              onClick={() => onSet(item, 'not_applicable')}
              testId="item-na"
            />
            <ActionButton
              label={t('site.checklist.checklistItemRow.failed')}
              color="red"
              icon={<IconX size={12} />}
              reason={verdict('failed')}
              onClick={() => onSet(item, 'failed')}
              testId="item-failed"
            />
          </>
        )}
        {item.state === 'failed' && (
          <ActionButton
            label={t('site.checklist.checklistItemRow.logIssue')}
            color="orange"
            icon={<IconAlertTriangle size={12} />}
            reason={null}
            onClick={() =>
              openIssueDraft({
                siteId: item.siteId,
                title: t('site.checklist.checklistItemRow.failed2', { title: item.title }),
                description: item.note,
                links: [{ kind: 'checklist_item', id: item.id }],
                source: `checklist item “${item.title}”`,
              })
            }
            testId="log-issue"
          />
        )}
        {item.state !== 'todo' && (
          <ActionButton
            label={t('site.checklist.checklistItemRow.reopen')}
            color="gray"
            icon={<IconArrowBackUp size={12} />}
            reason={verdict('todo')}
            onClick={() => onSet(item, 'todo')}
            testId="item-reopen"
          />
        )}
      </div>
    </div>
  );
});
