import type { SignOffKind } from '../domain/signoff';

/** The statement the signer confirms; part of the signed content. */
export function signOffStatement(kind: SignOffKind, where: string): string {
  switch (kind) {
    case 'core_components':
      return `I confirm that I have reviewed the core components deployed at ${where} as listed on this sheet, and that my decision below is correct and complete.`;
    case 'site_complete':
      return `As site owner, I confirm that I have reviewed the deployment at ${where} as listed on this sheet (components, checklist, checks, inventory and issues), and that my decision below is correct and complete.`;
    case 'deployment_milestone':
      return `As release manager, I confirm that I have reviewed the deployment ${where} across all its sites as listed on this sheet, and that my decision on the Deployment Complete Milestone below is correct and complete.`;
  }
}
