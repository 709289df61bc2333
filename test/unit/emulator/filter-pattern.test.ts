import { describe, expect, it } from 'vitest';
import { compileFilterPattern } from '../../support/cloudwatch-emulator/operations/filter-pattern';
import { AwsError } from '../../support/cloudwatch-emulator/server/aws-error';

describe('FilterLogEvents term patterns', () => {
  const lines = [
    '[ERROR] A fatal exception has occurred',
    'Exiting with ERRORCODE: -1',
    'INFO all good',
    'WARN disk at 91%',
    'ERROR 500 from "pricing"',
  ];
  const match = (p: string | undefined): string[] => lines.filter(compileFilterPattern(p));

  it('matches plain terms as case-sensitive substrings, all required', () => {
    expect(match('ERROR')).toEqual([lines[0], lines[1], lines[4]]);
    expect(match('ERROR fatal')).toEqual([lines[0]]);
    expect(match('error')).toEqual([]);
  });

  it('matches quoted phrases, ?any and -exclusions', () => {
    expect(match('"fatal exception"')).toEqual([lines[0]]);
    expect(match('"-1"')).toEqual([lines[1]]);
    expect(match('?WARN ?INFO')).toEqual([lines[2], lines[3]]);
    expect(match('ERROR -ERRORCODE')).toEqual([lines[0], lines[4]]);
    expect(match('"\\"pricing\\""')).toEqual([lines[4]]);
  });

  it('matches everything for an empty pattern', () => {
    expect(match(undefined)).toEqual(lines);
    expect(match('  ')).toEqual(lines);
  });

  it('matches a whole %regex% pattern in the service dialect (case-sensitive, anywhere in the line)', () => {
    expect(match('%ERR.R%')).toEqual([lines[0], lines[1], lines[4]]);
    expect(match('%^INFO|at_[0-9]+|91%')).toEqual([lines[2], lines[3]]);
    expect(match('%-1$%')).toEqual([lines[1]]);
  });

  it.each(['%(ERROR)%', '%ERROR 500%', '%"pricing"%', '%ERROR!%', '%fatal% ERROR', '%%'])(
    'refuses the regex %j: ( ), spaces, quotes and ! are outside the dialect',
    (p) => {
      expect(() => compileFilterPattern(p)).toThrow(AwsError);
    },
  );

  it.each(['{ $.level = "error" }', '[ip, user, status=500]', 'ERROR:', '"unterminated'])('refuses %j instead of misreading it', (p) => {
    expect(() => compileFilterPattern(p)).toThrow(AwsError);
  });
});
