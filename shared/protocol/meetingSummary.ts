/** One row of the admin view's meeting list (`GET /api/admin/meetings`). */
export interface MeetingSummary {
  id: string;
  body: string;
  organization: string;
  name: string;
  start: string;
  rules: string;
  /** The OParl meeting id it was imported from, if any. */
  sourceId: string | null;
  archivedAt: string | null;
  members: number;
  items: number;
  polls: number;
}
