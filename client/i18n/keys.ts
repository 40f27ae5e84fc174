import type admin from './de/admin.ts';
import type chair from './de/chair.ts';
import type common from './de/common.ts';
import type display from './de/display.ts';
import type election from './de/election.ts';
import type landing from './de/landing.ts';
import type member from './de/member.ts';
import type results from './de/results.ts';
import type motions from './de/motions.ts';
import type motionsChair from './de/motionsChair.ts';
import type record from './de/record.ts';

/** Every UI string's key, over all areas (type only: no page bundles another page's strings). */
export type MessageKey =
  | keyof typeof common
  | keyof typeof member
  | keyof typeof chair
  | keyof typeof display
  | keyof typeof election
  | keyof typeof admin
  | keyof typeof landing
  | keyof typeof results
  | keyof typeof motions
  | keyof typeof motionsChair
  | keyof typeof record;
