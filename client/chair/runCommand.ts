/** Runs a chair command and shows a refusal (ChairApp owns the error line); resolves to whether it succeeded. */
export type RunCommand = (action: () => Promise<{ ok: boolean; error?: { code?: string; message: string } }>) => Promise<boolean>;
