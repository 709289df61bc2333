/**
 * CloudWatch Logs counts an event as its UTF-8 message plus 26 bytes: for the PutLogEvents batch
 * limit, for what Insights reports as scanned, and for what a log group stores.
 */
export const EVENT_OVERHEAD_BYTES = 26;
