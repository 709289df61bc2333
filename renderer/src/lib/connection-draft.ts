import { connectionDraftSchema, type ConnectionDraft, type ConnectionUpdate, type ConnectionView } from '../../../shared/domain/connection';

export interface ConnectionFormValues {
  name: string;
  region: string;
  authKind: 'keys' | 'profile';
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  profile: string;
  endpoint: string;
  openReplayBaseUrl: string;
  openReplayProjectId: string;
  /** Comma- or space-separated field names the team logs the session ID under. */
  sessionIdFields: string;
}

export function initialValues(view?: ConnectionView): ConnectionFormValues {
  return {
    name: view?.name ?? '',
    region: view?.region ?? 'us-east-1',
    authKind: view?.auth.kind ?? 'keys',
    accessKeyId: '',
    secretAccessKey: '',
    sessionToken: '',
    profile: view?.auth.kind === 'profile' ? view.auth.profile : '',
    endpoint: view?.endpoint ?? '',
    openReplayBaseUrl: view?.openReplay?.baseUrl ?? '',
    openReplayProjectId: view?.openReplay?.projectId ?? '',
    sessionIdFields: view?.sessionIdFields?.join(', ') ?? '',
  };
}

export type FieldErrors = Partial<Record<keyof ConnectionFormValues | 'form', string>>;

const FIELD_OF: Record<string, keyof ConnectionFormValues> = {
  accessKeyId: 'accessKeyId',
  secretAccessKey: 'secretAccessKey',
  sessionToken: 'sessionToken',
  profile: 'profile',
  baseUrl: 'openReplayBaseUrl',
  projectId: 'openReplayProjectId',
};

/**
 * Form values → the draft main expects, checked with the same schema main uses. When editing,
 * empty key fields keep the stored secret (it is never sent back to the renderer to prefill);
 * a new secret with the ID left empty goes with the stored ID (`storedKeyId`: a rotated secret).
 */
export function toDraft(
  values: ConnectionFormValues,
  editing: boolean,
  storedKeyId?: string,
): { draft?: ConnectionDraft; keepAuth: boolean; errors: FieldErrors } {
  const keepAuth = editing && values.authKind === 'keys' && values.accessKeyId.trim() === '' && values.secretAccessKey === '';
  const accessKeyId = values.accessKeyId.trim() === '' && editing && storedKeyId !== undefined ? storedKeyId : values.accessKeyId;
  const auth =
    values.authKind === 'profile'
      ? { kind: 'profile' as const, profile: values.profile }
      : {
          kind: 'keys' as const,
          accessKeyId: keepAuth ? 'KEEPSTOREDSECRET' : accessKeyId,
          secretAccessKey: keepAuth ? 'keep' : values.secretAccessKey,
          ...(values.sessionToken.trim() !== '' && { sessionToken: values.sessionToken.trim() }),
        };
  const idFields = values.sessionIdFields.split(/[\s,]+/).filter((name) => name !== '');
  const hasOpenReplay = values.openReplayBaseUrl.trim() !== '' || values.openReplayProjectId.trim() !== '';
  const parsed = connectionDraftSchema.safeParse({
    name: values.name,
    region: values.region,
    auth,
    ...(values.endpoint.trim() !== '' && { endpoint: values.endpoint.trim() }),
    ...(hasOpenReplay && { openReplay: { baseUrl: values.openReplayBaseUrl.trim(), projectId: values.openReplayProjectId.trim() } }),
    ...(idFields.length > 0 && { sessionIdFields: idFields }),
  });
  if (parsed.success) return { draft: parsed.data, keepAuth, errors: {} };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    // A list's issue path ends in an index: name the list, not the element.
    const last = String(issue.path.findLast((part) => typeof part === 'string') ?? 'form');
    const field = FIELD_OF[last] ?? (last in values ? (last as keyof ConnectionFormValues) : 'form');
    const urlField = field === 'openReplayBaseUrl' || field === 'endpoint';
    errors[field] ??= urlField ? 'Enter a full URL starting with https:// (or http:// for a local endpoint).' : issue.message;
  }
  return { keepAuth, errors };
}

export function toUpdate(id: string, draft: ConnectionDraft, keepAuth: boolean): ConnectionUpdate {
  return {
    id,
    name: draft.name,
    region: draft.region,
    ...(!keepAuth && { auth: draft.auth }),
    endpoint: draft.endpoint ?? null,
    openReplay: draft.openReplay ?? null,
    sessionIdFields: draft.sessionIdFields ?? null,
  };
}
