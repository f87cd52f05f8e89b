import { lazy } from 'react';

/**
 * The parts of the app that load after the first screen (shell/first-screen.ts), all from one
 * chunk: shell/deferred-kit.tsx. Render them inside <AfterFirstScreen> (or, for the screens
 * shown instead of the workspace, inside <Suspense>).
 */
const kit = () => import('./deferred-kit');

export const HeaderPart = lazy(() => kit().then((m) => ({ default: m.Header })));
export const MainAreaPart = lazy(() => kit().then((m) => ({ default: m.MainArea })));
export const ShellExtrasPart = lazy(() => kit().then((m) => ({ default: m.ShellExtras })));
export const TooltipPart = lazy(() => kit().then((m) => ({ default: m.Tooltip })));
export const SiteFilterPart = lazy(() => kit().then((m) => ({ default: m.SiteFilter })));
export const ImportReportsButtonPart = lazy(() => kit().then((m) => ({ default: m.ImportReportsButton })));
export const NotificationsPart = lazy(() => kit().then((m) => ({ default: m.KitNotifications })));
export const FirstRunPart = lazy(() => kit().then((m) => ({ default: m.FirstRun })));
export const StartupErrorPart = lazy(() => kit().then((m) => ({ default: m.StartupError })));
