import { createLogger } from '../core/logging/logger';
import { notificationFor, type CoreEvent, type DesktopNotification, type NotificationSettings } from '../shared/desktop/notification-rules';

const log = createLogger('electron.notifications');

export interface OsNotificationDeps {
  /** The core's event stream (`core.events.subscribe`). */
  subscribe(listener: (event: CoreEvent) => void): () => void;
  /** Read for every event, so a change in the settings applies at once. */
  settings(): NotificationSettings;
  appFocused(): boolean;
  /** Electron's `Notification.isSupported()`. */
  isSupported(): boolean;
  /** Shows it; `onClick` runs when the user clicks it. */
  show(notification: DesktopNotification, onClick: () => void): void;
  /** A click: focus the window and open the notification's link, if it has one. */
  open(link: string | null): void;
}

/** OS notifications for the core's events, as the shared rule decides. Returns the unsubscribe. */
export function startOsNotifications(deps: OsNotificationDeps): () => void {
  return deps.subscribe((event) => {
    const notification = notificationFor(event, deps.settings(), deps.appFocused());
    if (!notification) return;
    if (!deps.isSupported()) {
      log.info('notifications are not supported on this system', { kind: event.kind });
      return;
    }
    deps.show(notification, () => deps.open(notification.link));
  });
}

/** The parts of Electron's `Notification` used here (a class, so tests can record instances). */
export interface NotificationLike {
  on(event: 'click' | 'close', listener: () => void): unknown;
  show(): void;
}
export type NotificationClass = new (options: { title: string; body: string }) => NotificationLike;

/**
 * Shows with Electron's `Notification`, holding each one until it is clicked or closed: one that is
 * garbage collected loses its click handler.
 */
export function showWith(Notification: NotificationClass): OsNotificationDeps['show'] {
  const live = new Set<NotificationLike>();
  return (content, onClick) => {
    const notification = new Notification({ title: content.title, body: content.body });
    live.add(notification);
    notification.on('click', () => {
      live.delete(notification);
      onClick();
    });
    notification.on('close', () => live.delete(notification));
    notification.show();
  };
}
