import { describe, expect, it } from "vitest";
import { clientIp } from "./client-ip";

describe("clientIp", () => {
  it("believes the entry the trusted proxies appended, not what the client sent", () => {
    // The client sent "6.6.6.6"; the load balancer appended the address it saw.
    const headers = new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.7" });
    expect(clientIp(headers, 1)).toBe("203.0.113.7");
    // CDN then load balancer: the client is two from the right.
    const twice = { "x-forwarded-for": "6.6.6.6, 203.0.113.7, 10.0.0.2" };
    expect(clientIp(twice, 2)).toBe("203.0.113.7");
  });

  it("takes the only entry when fewer proxies were passed than configured", () => {
    expect(clientIp({ "x-forwarded-for": "198.51.100.4" }, 2)).toBe("198.51.100.4");
  });

  it("has no address without the header, and bounds what it stores", () => {
    expect(clientIp(new Headers(), 1)).toBeNull();
    expect(clientIp({ "x-forwarded-for": " , " }, 1)).toBeNull();
    expect(clientIp({ "x-forwarded-for": "x".repeat(500) }, 1)).toHaveLength(64);
  });
});
