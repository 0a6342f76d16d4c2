import { describe, expect, it } from 'vitest';
import { classifyColumn, isIdName } from '../../pipeline/infer/column-class.js';
import { profileColumn } from '../../pipeline/infer/column-profile.js';

const classOf = (name: string, values: string[]) =>
  classifyColumn(name, name, profileColumn(values)).kind;
const many = (n: number, make: (i: number) => string) =>
  Array.from({ length: n }, (_, i) => make(i));

describe('classifyColumn', () => {
  it('knows the system columns of the six survey tools by name, whatever they hold', () => {
    const names = [
      'Timestamp',
      'Email Address',
      'Completion time',
      'Collector ID',
      'IP Address',
      'StartDate',
      'Duration (in seconds)',
      'ResponseId',
      'RecipientEmail',
      'LocationLatitude',
      'DistributionChannel',
      'UserLanguage',
      '_uuid',
      '_submission_time',
      '_index',
      '__version__',
      '_validation_status',
      'meta/instanceID',
      'deviceid',
      'submitdate',
      'lastpage',
      'ipaddr',
      'refurl',
      'startlanguage',
      'Name',
    ];
    for (const name of names) {
      expect(
        classOf(
          name,
          many(20, (i) => `a long answer that could pass for text ${i}`),
        ),
        name,
      ).toBe('system');
    }
  });

  it('takes e-mail and IP addresses as system columns whatever their header', () => {
    expect(
      classOf(
        'Contact',
        many(20, (i) => `person${i}@example.org`),
      ),
    ).toBe('system');
    expect(
      classOf(
        'Where from',
        many(20, (i) => `198.51.100.${i}`),
      ),
    ).toBe('system');
  });

  it('tells open, closed, numeric, id and date columns apart', () => {
    expect(
      classOf(
        'Why?',
        many(20, (i) => `Because the road is unsafe for children ${i}`),
      ),
    ).toBe('open');
    expect(
      classOf(
        'Country',
        many(20, (i) => ['Kenya', 'Ghana', 'Chad'][i % 3] as string),
      ),
    ).toBe('closed');
    expect(
      classOf(
        'Score',
        many(20, (i) => String(i % 7)),
      ),
    ).toBe('numeric');
    expect(
      classOf(
        'comment-id',
        many(20, (i) => String(100 + i)),
      ),
    ).toBe('id');
    expect(
      classOf(
        'created',
        many(20, (i) => `2024-03-${String(i + 1).padStart(2, '0')}`),
      ),
    ).toBe('date');
    // Google Forms outside the US writes its timestamps year first, with a zone.
    const google = many(20, (i) => `2024/03/${String(i + 1).padStart(2, '0')} 10:15:22 AM GMT+1`);
    expect(profileColumn(google).dateShare).toBe(1);
  });

  it('reads a column of links as none of the kinds a config uses', () => {
    expect(
      classOf(
        'link',
        many(20, (i) => `https://ex.org/p/${i}`),
      ),
    ).toBe('other');
  });

  it('reads id-like headers, not words that end in "id"', () => {
    for (const name of ['id', 'comment-id', 'Respondent ID', 'instanceID', 'ResponseId', '#'])
      expect(isIdName(name), name).toBe(true);
    for (const name of ['Paid', 'valid', 'Fluid intake', 'Identity'])
      expect(isIdName(name), name).toBe(false);
  });
});
