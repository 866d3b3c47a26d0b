const MB = 1024 * 1024;

/**
 * A size for messages, in binary units: "1.5 GB" (one decimal) from 1 GB, else whole "128 MB",
 * "193 KB", or "100 bytes".
 */
export function byteSize(bytes: number): string {
  if (bytes >= 1024 * MB) return `${(bytes / 1024 / MB).toFixed(1)} GB`;
  if (bytes >= MB) return `${Math.round(bytes / MB)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
