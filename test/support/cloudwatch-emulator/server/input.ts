import { AwsError, validationError } from './aws-error';

interface StringRule {
  required?: boolean;
  min?: number;
  max?: number;
  pattern?: RegExp;
}

interface NumberRule {
  required?: boolean;
  min?: number;
  max?: number;
}

/** Reads members of a request body with the service model's types and constraints. */
export class Input {
  private readonly body: Record<string, unknown>;

  constructor(body: Record<string, unknown>) {
    this.body = body;
  }

  has(name: string): boolean {
    return this.body[name] !== undefined && this.body[name] !== null;
  }

  str(name: string, rule: StringRule = {}): string | undefined {
    const v = this.body[name];
    if (v === undefined || v === null) {
      if (rule.required) throw validationError(name, v, 'Member must not be null');
      return undefined;
    }
    if (typeof v !== 'string') throw serialization(name, 'string');
    checkString(name, v, rule);
    return v;
  }

  reqStr(name: string, rule: StringRule = {}): string {
    return this.str(name, { ...rule, required: true }) as string;
  }

  num(name: string, rule: NumberRule = {}): number | undefined {
    const v = this.body[name];
    if (v === undefined || v === null) {
      if (rule.required) throw validationError(name, v, 'Member must not be null');
      return undefined;
    }
    if (typeof v !== 'number' || !Number.isFinite(v)) throw serialization(name, 'number');
    if (rule.min !== undefined && v < rule.min)
      throw validationError(name, v, `Member must have value greater than or equal to ${rule.min}`);
    if (rule.max !== undefined && v > rule.max) throw validationError(name, v, `Member must have value less than or equal to ${rule.max}`);
    return v;
  }

  /** An `integer`/`long` member: a fraction is a type error, as for the service's deserialiser. */
  int(name: string, rule: NumberRule = {}): number | undefined {
    const v = this.num(name, rule);
    if (v !== undefined && !Number.isInteger(v)) throw serialization(name, 'integer');
    return v;
  }

  reqNum(name: string, rule: NumberRule = {}): number {
    return this.num(name, { ...rule, required: true }) as number;
  }

  bool(name: string): boolean | undefined {
    const v = this.body[name];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'boolean') throw serialization(name, 'boolean');
    return v;
  }

  strList(name: string, item: StringRule = {}, maxLength?: number): string[] | undefined {
    const v = this.body[name];
    if (v === undefined || v === null) return undefined;
    if (!Array.isArray(v)) throw serialization(name, 'list');
    if (maxLength !== undefined && v.length > maxLength)
      throw validationError(name, `[${v.join(', ')}]`, `Member must have length less than or equal to ${maxLength}`);
    return v.map((x, i) => {
      if (typeof x !== 'string') throw serialization(`${name}.${i + 1}`, 'string');
      checkString(`${name}.${i + 1}.member`, x, item);
      return x;
    });
  }

  list(name: string): unknown[] | undefined {
    const v = this.body[name];
    if (v === undefined || v === null) return undefined;
    if (!Array.isArray(v)) throw serialization(name, 'list');
    return v;
  }
}

function checkString(name: string, v: string, rule: StringRule): void {
  if (rule.min !== undefined && v.length < rule.min)
    throw validationError(name, v, `Member must have length greater than or equal to ${rule.min}`);
  if (rule.max !== undefined && v.length > rule.max)
    throw validationError(name, v, `Member must have length less than or equal to ${rule.max}`);
  if (rule.pattern !== undefined && !rule.pattern.test(v)) {
    throw validationError(name, v, `Member must satisfy regular expression pattern: ${rule.pattern.source.replace(/^\^\(\?:|\)\$$/g, '')}`);
  }
}

function serialization(name: string, expected: string): AwsError {
  return new AwsError('SerializationException', `Unexpected value type for '${name}': expected ${expected}`);
}

/** Model patterns, anchored because the service matches the whole value. */
export const patterns = {
  logGroupName: /^(?:[.\-_/#A-Za-z0-9]+)$/,
  logStreamName: /^(?:[^:*]*)$/,
  logGroupIdentifier: /^(?:[\w#+=/:,.@-]*)$/,
};
