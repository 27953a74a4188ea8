import checkServerLog from "./log-secrets";

// After every test: no PIN, token, code or cookie the run handled may be in the server log.
export default checkServerLog;
