// Columns that survey tools add around the answers: never read as text, never shown.
import type { ColumnProfile } from './column-profile.js';

/** Why a column is a system column, for the summary and the written config's comments. */
export type SystemKind = 'time' | 'response id' | 'personal' | 'tool';

/**
 * System columns of the common survey tools, by name (compared lower-case, without spaces or
 * punctuation): Google Forms, Microsoft Forms, SurveyMonkey, Qualtrics, KoboToolbox, LimeSurvey.
 */
const SYSTEM_NAMES: Readonly<Record<SystemKind, readonly string[]>> = {
  time: [
    'timestamp',
    'starttime',
    'completiontime',
    'lastmodifiedtime',
    'startdate',
    'enddate',
    'recordeddate',
    'datecreated',
    'datemodified',
    'submissiontime',
    'submitdate',
    'datestamp',
    'start',
    'end',
    'today',
    'durationinseconds',
    'duration',
  ],
  'response id': [
    'id',
    'responseid',
    'respondentid',
    'collectorid',
    'uuid',
    'index',
    'instanceid',
    'metainstanceid',
    'metarootuuid',
    'externalreference',
    'externaldatareference',
    'seed',
    'token',
    'submissionid',
  ],
  personal: [
    'email',
    'emailaddress',
    'name',
    'fullname',
    'firstname',
    'lastname',
    'yourname',
    'respondentname',
    'ipaddress',
    'ipaddr',
    'ip',
    'recipientlastname',
    'recipientfirstname',
    'recipientemail',
    'locationlatitude',
    'locationlongitude',
    'submittedby',
    'deviceid',
    'phonenumber',
    'username',
  ],
  tool: [
    'status',
    'progress',
    'finished',
    'distributionchannel',
    'userlanguage',
    'lastpage',
    'startlanguage',
    'refurl',
    'version',
    'validationstatus',
    'notes',
    'tags',
    'customdata1',
    'customdata',
    'xformidstring',
    'attachments',
    'geolocation',
    'totalpoints',
    'quizfeedback',
  ],
};

const BY_NAME = new Map<string, SystemKind>(
  (Object.entries(SYSTEM_NAMES) as [SystemKind, readonly string[]][]).flatMap(([kind, names]) =>
    names.map((name) => [name, kind] as const),
  ),
);

/**
 * The kind of system column `name` is, by its name or its values (e-mail addresses, IP
 * addresses, UUIDs), or null for a column that may hold answers. Kobo's `_uuid`, `__version__`
 * and `meta/instanceID` match through their normalised names.
 */
export function systemKind(name: string, profile: ColumnProfile): SystemKind | null {
  const known = BY_NAME.get(normaliseName(name));
  if (known) return known;
  if (profile.emailShare >= 0.5 || profile.ipShare >= 0.5) return 'personal';
  if (profile.uuidShare >= 0.5) return 'response id';
  return null;
}

/** A column name lower-cased, without spaces, punctuation, or a Kobo group path. */
export function normaliseName(name: string): string {
  const last = name.includes('/') && !name.includes(' ') ? (name.split('/').pop() ?? name) : name;
  const whole = name.toLowerCase().replace(/[^a-z0-9]+/g, '');
  const tail = last.toLowerCase().replace(/[^a-z0-9]+/g, '');
  // `meta/instanceID` is known whole; `group/name` is the tool's `name` only when it is a tool's path.
  return BY_NAME.has(whole) ? whole : tail;
}
