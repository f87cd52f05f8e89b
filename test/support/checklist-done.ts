import type { ChecklistItem } from '../../shared/domain/checklist';
import { signaturePng } from './signoff-fixtures';
import type { TestCore } from './temp-core';

/** Marks an item done with the evidence it names: a note always, and a photo for "Evidence: Photo". */
export function markDone(
  core: Pick<TestCore, 'call'>,
  item: Pick<ChecklistItem, 'id' | 'evidence'>,
  note = 'Checked on site',
): ChecklistItem {
  if (item.evidence === 'photo') {
    const photo = core.call('attachments.put', { mediaType: 'image/png', dataBase64: signaturePng(7, 80, 40) });
    core.call('checklist.attachPhoto', { itemId: item.id, sha256: photo.sha256 });
  }
  return core.call('checklist.setItemState', { itemId: item.id, state: 'done', note });
}
