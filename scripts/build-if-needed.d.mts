// Types of build-if-needed.mjs (plain JavaScript, so that `npm start` runs it with node alone).
export function distDir(root?: string): string;
export function sourceFingerprint(root?: string): string;
export function staleReason(root?: string, fingerprint?: string): string | null;
export function buildIfNeeded(root?: string): boolean;
