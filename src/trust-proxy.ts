import { isIP } from "node:net";

/**
 * Which proxies in front of the server are believed about the client's address and protocol,
 * in the forms Fastify's `trustProxy` takes: every one (`true`, only safe when the proxy
 * replaces X-Forwarded-For), none (`false`), a number of hops (the proxies the operator runs),
 * or the addresses and CIDR ranges of those proxies.
 */
export type TrustProxy = boolean | number | readonly string[];

/** proxy-addr's names for whole ranges, accepted by Fastify beside addresses and CIDRs. */
const RANGE_NAMES = new Set(["loopback", "linklocal", "uniquelocal"]);

function isAddressOrRange(entry: string): boolean {
  if (RANGE_NAMES.has(entry)) return true;
  const [address = "", prefix, extra] = entry.split("/");
  if (extra !== undefined) return false;
  const version = isIP(address);
  if (version === 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (version === 4 ? 32 : 128);
}

/** TRUST_PROXY's text as a setting, or the reason it is not one. */
export function parseTrustProxy(text: string): { value: TrustProxy } | { problem: string } {
  const lower = text.trim().toLowerCase();
  // A number is a hop count, as in Fastify: `1` trusts the one proxy in front, not everyone.
  if (["true", "yes"].includes(lower)) return { value: true };
  if (["false", "no", "0"].includes(lower)) return { value: false };
  if (/^\d+$/.test(lower)) {
    const hops = Number(lower);
    if (hops > 100) return { problem: "expected at most 100 proxy hops" };
    return { value: hops };
  }
  const entries = lower.split(",").map((entry) => entry.trim());
  const bad = entries.filter((entry) => !isAddressOrRange(entry));
  if (bad.length) {
    return {
      problem: `expected true, false, a number of proxy hops, or a comma-separated list of addresses and CIDR ranges (${bad
        .slice(0, 3)
        .map((entry) => JSON.stringify(entry.slice(0, 50)))
        .join(", ")} ${bad.length === 1 ? "is" : "are"} neither)`,
    };
  }
  return { value: entries };
}
