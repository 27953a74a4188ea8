/**
 * The build's service-worker cache version, inlined by next.config.js (`env`). It names the
 * worker's cache, so a new build's worker drops the old build's chunks when it activates.
 */
// biome-ignore lint/style/noProcessEnv: a build-time constant Next inlines, not the server's environment.
export const SHELL_VERSION = process.env.PROXYPAY_SHELL_VERSION ?? "dev";
