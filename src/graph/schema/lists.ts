// Every list the project provisions, in the order `npm run provision` creates them. Add later
// lists (Contact Events, Restriction Cases, Audit, Settings) here, each as a ListSchema.

import { contactRestrictionsList } from './contactRestrictionsList';
import { contactEventsList } from './contactEventsList';
import { auditList } from './auditList';
import { settingsList } from './settingsList';
import { routingStatusList } from './routingStatusList';
import { restrictionCasesList } from './restrictionCasesList';
import type { ListSchema } from './types';

export const PROVISIONED_LISTS: readonly ListSchema[] = [
  contactRestrictionsList,
  contactEventsList,
  auditList,
  settingsList,
  routingStatusList,
  restrictionCasesList,
];
