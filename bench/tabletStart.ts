export interface TabletStartResult { runs: number }
export async function runTabletStart(opts: { runs: number }): Promise<TabletStartResult> { return { runs: opts.runs }; }
export function tabletTable(r: TabletStartResult): string { return String(r.runs); }
