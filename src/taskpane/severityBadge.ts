import type { Severity } from '../core';

/** The Fluent badge colour of each severity, in both panes' lists. */
export const SEVERITY_BADGE: Readonly<Record<Severity, 'danger' | 'warning' | 'informative'>> = {
  error: 'danger',
  warning: 'warning',
  hint: 'informative',
};
