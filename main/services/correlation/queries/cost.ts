/**
 * AWS prices Logs Insights "per GB of data scanned" and bills in decimal units, so a GB here is
 * 10^9 bytes (not a GiB of 2^30). If AWS meant GiB, this estimate errs ~7 % high — the safe side.
 */
export const BYTES_PER_GB = 1e9;

export function costUsd(bytesScanned: number, pricePerGb: number): number {
  return (bytesScanned / BYTES_PER_GB) * pricePerGb;
}
