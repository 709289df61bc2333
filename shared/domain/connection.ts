import { z } from 'zod';
import { ID_FIELD_NAME_RULE, ID_FIELD_NAME_SHAPE, MAX_ID_FIELD_NAMES } from '../session/id-field-names';

/** AWS region names as AWS forms them (us-east-1, eu-central-2, us-gov-west-1, cn-north-1, ap-southeast-5…). */
export const regionSchema = z
  .string()
  .trim()
  .regex(/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/, 'Region must look like us-east-1.');

/** CloudWatch's own rule for log group names: 1–512 of [.-_/#A-Za-z0-9]. */
export const logGroupNameSchema = z
  .string()
  .min(1, 'Log group name is empty.')
  .max(512, 'Log group name is longer than 512 characters.')
  .regex(/^[.\-_/#A-Za-z0-9]+$/, 'Log group names may contain only letters, digits and . - _ / #.');

export const connectionNameSchema = z.string().trim().min(1, 'Name is empty.').max(100, 'Name is longer than 100 characters.');

export const openReplaySettingsSchema = z.object({
  baseUrl: z.url({ protocol: /^https?$/ }).max(2048),
  projectId: z.string().regex(/^[0-9A-Za-z_-]{1,64}$/, 'Project ID must be letters, digits, - or _.'),
});
export type OpenReplaySettings = z.infer<typeof openReplaySettingsSchema>;

/** Field names under which this team logs the session ID, beyond OpenReplay's own (query text: strict). */
export const sessionIdFieldsSchema = z
  .array(z.string().regex(ID_FIELD_NAME_SHAPE, `Each field name must be ${ID_FIELD_NAME_RULE}.`))
  .max(MAX_ID_FIELD_NAMES, `At most ${MAX_ID_FIELD_NAMES} field names.`)
  .refine((names) => new Set(names.map((n) => n.toLowerCase())).size === names.length, 'Each field name once (case does not matter).');

export const endpointSchema = z.url({ protocol: /^https?$/ }).max(2048);

/** What is stored (connections.json) and what the renderer sees: never a secret. */
export const connectionAuthSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('keys') }),
  z.object({ kind: z.literal('profile'), profile: z.string().trim().min(1).max(128) }),
]);

export const connectionSchema = z.object({
  id: z.string().regex(/^[0-9a-z-]{1,64}$/),
  name: connectionNameSchema,
  region: regionSchema,
  logGroups: z.array(logGroupNameSchema).max(1000),
  auth: connectionAuthSchema,
  endpoint: endpointSchema.optional(),
  openReplay: openReplaySettingsSchema.optional(),
  sessionIdFields: sessionIdFieldsSchema.optional(),
  /** When a connection test last succeeded (epoch ms); absent: never. */
  lastTestPassedAt: z.number().optional(),
});
export type Connection = z.infer<typeof connectionSchema>;

export const connectionViewSchema = connectionSchema.extend({
  hasSecret: z.boolean(),
  /** The stored access key's ID (AKIA…), to tell which key a connection uses. Never the secret. */
  accessKeyId: z.string().optional(),
});
export type ConnectionView = z.infer<typeof connectionViewSchema>;

/** Secrets travel renderer → main once, on create/update, and never back. */
export const keysInputSchema = z.object({
  kind: z.literal('keys'),
  accessKeyId: z
    .string()
    .trim()
    .regex(/^[A-Z0-9]{16,128}$/, 'Access key ID must be 16–128 capital letters and digits.'),
  secretAccessKey: z.string().min(1, 'Secret access key is empty.').max(1024),
  sessionToken: z.string().min(1).max(8192).optional(),
});
export const authInputSchema = z.discriminatedUnion('kind', [
  keysInputSchema,
  z.object({ kind: z.literal('profile'), profile: z.string().trim().min(1).max(128) }),
]);
export type AuthInput = z.infer<typeof authInputSchema>;

export const connectionDraftSchema = z.object({
  name: connectionNameSchema,
  region: regionSchema,
  logGroups: z.array(logGroupNameSchema).max(1000).default([]),
  auth: authInputSchema,
  endpoint: endpointSchema.optional(),
  openReplay: openReplaySettingsSchema.optional(),
  sessionIdFields: sessionIdFieldsSchema.optional(),
});
export type ConnectionDraft = z.infer<typeof connectionDraftSchema>;

/** `null` clears an optional field; an absent `auth` keeps the stored credentials. */
export const connectionUpdateSchema = z.object({
  id: z.string(),
  name: connectionNameSchema.optional(),
  region: regionSchema.optional(),
  logGroups: z.array(logGroupNameSchema).max(1000).optional(),
  auth: authInputSchema.optional(),
  endpoint: endpointSchema.nullable().optional(),
  openReplay: openReplaySettingsSchema.nullable().optional(),
  sessionIdFields: sessionIdFieldsSchema.nullable().optional(),
});
export type ConnectionUpdate = z.infer<typeof connectionUpdateSchema>;

export const logGroupInfoSchema = z.object({
  name: z.string(),
  storedBytes: z.number().nonnegative().optional(),
  retentionInDays: z.number().int().positive().optional(),
  creationTime: z.number().optional(),
});
export type LogGroupInfo = z.infer<typeof logGroupInfoSchema>;

export const logGroupPageSchema = z.object({
  groups: z.array(logGroupInfoSchema),
  nextToken: z.string().optional(),
});
export type LogGroupPage = z.infer<typeof logGroupPageSchema>;

export const connectionTestResultSchema = z.object({
  logGroupsVisible: z.number().int().nonnegative(),
  message: z.string(),
});
export type ConnectionTestResult = z.infer<typeof connectionTestResultSchema>;
