import { deploymentCalendar, siteOwnerCalendar, technicianCalendar } from './calendar-service';

/** The calendar (.ics) methods: the site owner's, the deployment's and a technician's file. */
export function createCalendarHandlers() {
  return {
    'calendar.siteOwner': siteOwnerCalendar,
    'calendar.deployment': deploymentCalendar,
    'calendar.technician': technicianCalendar,
  };
}
