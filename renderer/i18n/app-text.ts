import { rendererI18n } from './i18n';

/**
 * The interface's texts (namespace `app`) outside a component, for label tables declared at module
 * level. Tables read it in a getter, so a label is looked up when shown, in the language of that
 * moment, not once at import. In a component, use `useText()`.
 */
export const appText = rendererI18n.getFixedT(null, 'app');
