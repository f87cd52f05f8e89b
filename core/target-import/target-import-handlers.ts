import type { Handlers } from '../api/handlers';
import { findAnsibleInventory, runAnsibleInventory } from './ansible-runner';
import { TargetImportStore } from './target-import-store';
import { commitTargets, previewAnsibleOutput, previewTargets, uploadTargetChunk } from './target-import-service';

type TargetImportHandlers = Pick<
  Handlers,
  'targetImport.upload' | 'targetImport.preview' | 'targetImport.ansibleAvailable' | 'targetImport.runAnsible' | 'targetImport.commit'
>;

/** The target import methods, sharing one in-memory store of uploads and previews. */
export function createTargetImportHandlers(store = new TargetImportStore()): TargetImportHandlers {
  return {
    'targetImport.upload': (_ctx, input) => uploadTargetChunk(store, input),
    'targetImport.preview': (ctx, input) => previewTargets(ctx, store, input),
    'targetImport.ansibleAvailable': () => {
      const path = findAnsibleInventory();
      return { available: path !== null, path };
    },
    'targetImport.runAnsible': async (ctx, input) =>
      previewAnsibleOutput(ctx, store, input.deploymentId, input.source, await runAnsibleInventory(input.source)),
    'targetImport.commit': (ctx, input) => commitTargets(ctx, store, input),
  };
}
