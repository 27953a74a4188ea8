import { forgetSeenSecrets } from "./log-secrets";

export default function globalSetup(): void {
  forgetSeenSecrets();
}
