import { Badge, Button, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconArrowBackUp, IconCheck, IconLink, IconMinus, IconX } from '@tabler/icons-react';
import { memo, useState } from 'react';
import type { ChecklistItem } from '../../../shared/domain/checklist';
import type { ChecklistItemState } from '../../../shared/domain/enums';
import { checkItemTransition, isSettled } from '../../../shared/logic/checklist-rules';
import { formatDateTime } from '../../format/time';
import { EVIDENCE_LABELS, ITEM_STATE } from '../../status/labels';
import { openIssueDraft } from '../issues/issue-draft';
import { EvidenceRunBadges } from './EvidenceRunBadges';
import { ItemStateIcon } from './ItemStateIcon';
import classes from './ChecklistItemRow.module.css';

interface Props {
  item: ChecklistItem;
  dependency: ChecklistItem | null;
  phaseCompleted: boolean;
  busy: boolean;
  onSet: (item: ChecklistItem, state: ChecklistItemState) => void;
}

function ActionButton(props: { label: string; reason: string | null; onClick: () => void; color: string; icon: React.ReactNode; testId: string; loading?: boolean }) {
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
  const [open, setOpen] = useState(false);
  const verdict = (next: ChecklistItemState) => {
    const v = checkItemTransition(item, next, next === 'done' || next === 'todo' ? '' : 'x', dependency, phaseCompleted);
    return v.allowed ? null : v.reason;
  };
  const waiting = dependency !== null && !isSettled(dependency.state);

  return (
    <div className={classes.row} data-testid="checklist-item" data-item-id={item.id} data-state={item.state} data-required={item.required}>
      <ItemStateIcon state={item.state} />
      <div style={{ minWidth: 0 }}>
        <div className={classes.title}>
          {item.title}{' '}
          {item.required ? (
            <Badge size="xs" variant="outline" color="red" ml={4} data-testid="item-required">
              Required
            </Badge>
          ) : (
            <Badge size="xs" variant="outline" color="gray" ml={4}>
              Optional
            </Badge>
          )}
          {item.state !== 'todo' && (
            <Badge size="xs" variant="light" color={ITEM_STATE[item.state].color} ml={4} data-testid="item-state">
              {ITEM_STATE[item.state].label}
            </Badge>
          )}
        </div>
        <div className={classes.meta}>
          {item.evidence !== 'none' && <span>Evidence: {EVIDENCE_LABELS[item.evidence]}</span>}
          {dependency && (
            <span style={waiting ? { color: 'var(--mantine-color-orange-text)' } : undefined}>
              <IconLink size={11} style={{ verticalAlign: -1 }} /> After “{dependency.title}”
              {waiting ? ' (not done yet)' : ''}
            </span>
          )}
          {item.stateAt && item.state !== 'todo' && (
            <span>
              {ITEM_STATE[item.state].label} by {item.stateBy ?? '?'} · {formatDateTime(item.stateAt)}
            </span>
          )}
          {item.instructions && (
            <button type="button" className={classes.toggle} onClick={() => setOpen(!open)} aria-expanded={open} data-testid="item-instructions-toggle">
              {open ? 'Hide instructions' : 'Instructions'}
            </button>
          )}
        </div>
        <EvidenceRunBadges runs={item.evidenceRuns} />
        {open && <div className={classes.instructions}>{item.instructions}</div>}
        {item.note && <div className={classes.note}>{item.note}</div>}
      </div>
      <div className={classes.actions}>
        {item.state !== 'done' && item.state !== 'not_applicable' && (
          <ActionButton label="Done" color="green" icon={<IconCheck size={12} />} reason={verdict('done')} onClick={() => onSet(item, 'done')} testId="item-done" loading={busy} />
        )}
        {item.state === 'todo' && (
          <>
            <ActionButton label="N/A" color="blue" icon={<IconMinus size={12} />} reason={verdict('not_applicable')} onClick={() => onSet(item, 'not_applicable')} testId="item-na" />
            <ActionButton label="Failed" color="red" icon={<IconX size={12} />} reason={verdict('failed')} onClick={() => onSet(item, 'failed')} testId="item-failed" />
          </>
        )}
        {item.state === 'failed' && (
          <ActionButton
            label="Log issue"
            color="orange"
            icon={<IconAlertTriangle size={12} />}
            reason={null}
            onClick={() =>
              openIssueDraft({ siteId: item.siteId, title: `Failed: ${item.title}`, description: item.note, links: [{ kind: 'checklist_item', id: item.id }], source: `checklist item “${item.title}”` })
            }
            testId="log-issue"
          />
        )}
        {item.state !== 'todo' && (
          <ActionButton label="Reopen" color="gray" icon={<IconArrowBackUp size={12} />} reason={verdict('todo')} onClick={() => onSet(item, 'todo')} testId="item-reopen" />
        )}
      </div>
    </div>
  );
});
