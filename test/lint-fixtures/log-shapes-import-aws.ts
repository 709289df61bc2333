// lint-as: main/services/correlation/log-shapes/bad.ts
// expect: no-restricted-imports
import { mapAwsError } from '../../aws/aws-errors';

export const explain = (error: unknown) => mapAwsError(error, {});
