import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COUNTRY_CODES, CRISIS_RESOURCES, type CountryCode } from '../../flows/crisis-resources.js';
import {
  ConfigError,
  loadConfig,
  parsePort,
  parseServiceConfig,
  toPublicConfig,
  type ServiceConfig,
} from '../../server/config.js';

const dir = mkdtempSync(path.join(tmpdir(), 'sst-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const VALID = {
  serviceName: 'Test Service',
  country: 'AU',
  safeExitUrl: 'https://weather.example/',
  flows: ['default'],
};

let fileCount = 0;
/** Writes `content` (an object as JSON, or raw text) to a temp file and returns its path. */
function configFile(content: unknown): string {
  const file = path.join(dir, `config-${++fileCount}.json`);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}

/** The ConfigError message loading `content` produces (fails the test if it loads). */
function errorFor(content: unknown): { message: string; file: string } {
  const file = configFile(content);
  try {
    loadConfig({ SST_CONFIG: file });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return { message: (error as ConfigError).message, file };
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('loads the shipped demo configuration by default', () => {
    const { service, port } = loadConfig({});
    expect(service.serviceName).toBe('Harbour Wellbeing Service');
    expect(service.country).toBe('AU');
    expect(service.flows).toEqual(['default', 'youth']);
    expect(service.crisisResources).toEqual(CRISIS_RESOURCES.AU);
    // The demo collects outcome records (with consent) so the report has something to show.
    expect(service.outcomes).toBe(true);
    expect(service.retention).toEqual({ transcriptHours: 24 });
    expect(port).toBe(3000);
  });

  it('names the missing file and what to set', () => {
    const file = path.join(dir, 'nowhere.json');
    expect(() => loadConfig({ SST_CONFIG: file })).toThrow(
      new ConfigError(
        `Service configuration: there is no file at ${file}. Set SST_CONFIG to the path of your service configuration JSON file, or create ${file}.`,
      ),
    );
  });

  it('points at the line of a JSON syntax error', () => {
    const { message, file } = errorFor('{\n  "serviceName": "Test"\n  "country": "AU"\n}\n');
    expect(message).toBe(
      `Service configuration: ${file} is not valid JSON near line 3, column 3. Fix the syntax there (check for a missing comma or quote), or set SST_CONFIG to another file.`,
    );
  });

  it('rejects a safe-exit URL that is not absolute http(s)', () => {
    for (const safeExitUrl of ['javascript:alert(1)', '/home', 'www.bom.gov.au']) {
      const { message, file } = errorFor({ ...VALID, safeExitUrl });
      expect(message).toBe(
        `Service configuration: "safeExitUrl" must be an absolute http(s) URL (in ${file}). Set it to the page a person should land on after a quick exit.`,
      );
    }
  });

  it('requires a safe-exit URL rather than guessing one', () => {
    const { safeExitUrl: _omitted, ...rest } = VALID;
    expect(errorFor(rest).message).toMatch(/^Service configuration: "safeExitUrl" is missing \(in .+\)\. Set it to the page/);
  });

  it('names an unknown flow and the flows there are', () => {
    const { message, file } = errorFor({ ...VALID, flows: ['default', 'adult'] });
    expect(message).toBe(
      `Service configuration: "flows[1]" must be one of "default", "youth", not "adult" (in ${file}). List the flows the service offers, for example ["default", "youth"]; the first is where a session starts.`,
    );
    expect(errorFor({ ...VALID, flows: [] }).message).toContain('"flows" must list at least one flow');
    expect(errorFor({ ...VALID, flows: ['youth', 'youth'] }).message).toContain('"flows" must not list a flow twice');
  });

  it('names an unknown country and the countries there are', () => {
    const { message, file } = errorFor({ ...VALID, country: 'UK' });
    expect(message).toBe(
      `Service configuration: "country" must be one of "AU", "NZ", "GB", "IE", "US", "CA", not "UK" (in ${file}). Set it to the country the service works in; it chooses the crisis numbers people see.`,
    );
  });

  it('explains other mistakes in one sentence each', () => {
    const { serviceName: _omitted, ...noName } = VALID;
    expect(errorFor(noName).message).toContain('"serviceName" is missing');
    expect(errorFor({ ...VALID, serviceName: '  ' }).message).toContain('"serviceName" must not be empty');
    expect(errorFor({ ...VALID, flows: 'default' }).message).toContain('"flows" must be a list [ ... ]');
    expect(errorFor({ ...VALID, colour: 'red' }).message).toMatch(/unknown key "colour" .*Remove it or check its spelling/);
    const { safeExitUrl, ...misspelt } = VALID;
    expect(errorFor({ ...misspelt, safeExitURL: safeExitUrl }).message).toContain('unknown key "safeExitURL"');
    expect(errorFor([VALID]).message).toContain('the file must contain one JSON object');
    expect(errorFor({ ...VALID, locale: 'English' }).message).toContain('"locale" must be a language code');
    expect(errorFor({ ...VALID, theme: { accent: 'red; background: url(x)' } }).message).toContain('"theme.accent" must be a CSS colour');
    expect(errorFor({ ...VALID, links: [{ label: 'x', href: 'javascript:alert(1)' }] }).message).toContain(
      '"links[0].href" must be an absolute http(s) URL or a path starting with "/"',
    );
  });

  it('takes PORT from the environment', () => {
    expect(loadConfig({ SST_CONFIG: configFile(VALID), PORT: '8080' }).port).toBe(8080);
  });

  it('ignores a byte-order mark some editors add', () => {
    expect(loadConfig({ SST_CONFIG: configFile(`\uFEFF${JSON.stringify(VALID)}`) }).service.serviceName).toBe('Test Service');
  });
});

describe('parseServiceConfig', () => {
  it('fills defaults and the crisis resources of the country', () => {
    for (const country of COUNTRY_CODES) {
      const config = parseServiceConfig({ ...VALID, country });
      expect(config.crisisResources).toEqual(CRISIS_RESOURCES[country]);
      expect(config).toMatchObject({ locale: 'en', links: [], theme: {} });
    }
  });

  it("uses a service's own crisis resources, emergency numbers first", () => {
    const own = [
      { name: 'Campus counselling', description: 'Weekdays 9 to 5.', phone: '0255501234', display: '(02) 5550 1234' },
      { name: 'Emergency services', description: 'If someone is in danger now.', phone: '000', emergency: true },
    ];
    const config = parseServiceConfig({ ...VALID, crisisResources: own });
    expect(config.crisisResources.map((r) => r.name)).toEqual(['Emergency services', 'Campus counselling']);
  });

  it('checks an override list is safe to show', () => {
    const line = { name: 'Line', description: 'Any time.', phone: '131114' };
    const emergency = { name: 'Emergency', description: 'Danger now.', phone: '000', emergency: true };
    expect(() => parseServiceConfig({ ...VALID, crisisResources: [line] })).toThrow(/must include the emergency services number/);
    expect(() => parseServiceConfig({ ...VALID, crisisResources: [emergency] })).toThrow(/at least one crisis line/);
    expect(() => parseServiceConfig({ ...VALID, crisisResources: [emergency, { ...line, phone: '13 11 14' }] })).toThrow(
      /"crisisResources\[1\]\.phone" must be the digits as dialled/,
    );
  });
});

describe('outcomes and retention', () => {
  it('collects no outcome records and keeps ended chats 24 hours unless told otherwise', () => {
    const config = parseServiceConfig(VALID);
    expect(config.outcomes).toBe(false);
    expect(config.retention).toEqual({ transcriptHours: 24 });
  });

  it('reads "outcomes.enabled" and "retention.transcriptHours"', () => {
    const config = parseServiceConfig({ ...VALID, outcomes: { enabled: true }, retention: { transcriptHours: 1.5 } });
    expect(config.outcomes).toBe(true);
    expect(config.retention.transcriptHours).toBe(1.5);
    expect(parseServiceConfig({ ...VALID, outcomes: { enabled: false } }).outcomes).toBe(false);
    expect(parseServiceConfig({ ...VALID, retention: { transcriptHours: 24 * 90 } }).retention.transcriptHours).toBe(2160);
  });

  it('explains a wrong value in one sentence', () => {
    const { message, file } = errorFor({ ...VALID, retention: { transcriptHours: 0 } });
    expect(message).toBe(
      `Service configuration: "retention.transcriptHours" must be more than 0 (in ${file}). Set "retention.transcriptHours" to how many hours an ended chat is kept before it is deleted, from more than 0 up to 2160, or remove "retention" to keep them 24 hours.`,
    );
    expect(errorFor({ ...VALID, retention: { transcriptHours: 2161 } }).message).toContain('"retention.transcriptHours" must be at most 2160 (90 days)');
    expect(errorFor({ ...VALID, retention: { transcriptHours: '24' } }).message).toContain('"retention.transcriptHours" must be a number');
    expect(errorFor({ ...VALID, retention: {} }).message).toContain('"retention.transcriptHours" is missing');
    expect(errorFor({ ...VALID, retention: { transcriptDays: 1 } }).message).toContain('"retention" has an unknown key "transcriptDays"');

    const outcomes = errorFor({ ...VALID, outcomes: { enabled: 'yes' } });
    expect(outcomes.message).toBe(
      `Service configuration: "outcomes.enabled" must be true or false (in ${outcomes.file}). Set "outcomes.enabled" to true to ask people for consent to an anonymous outcome record, or false (or remove "outcomes") to ask nothing.`,
    );
    expect(errorFor({ ...VALID, outcomes: true }).message).toContain('"outcomes" must be an object { ... }');
  });
});

describe('toPublicConfig', () => {
  it('passes on only the public settings: outcomes yes, retention never', () => {
    const config = parseServiceConfig({ ...VALID, outcomes: { enabled: true }, retention: { transcriptHours: 6 } });
    const withSecret = { ...config, therapistPasswordHash: 'x' } as ServiceConfig;
    const shared = toPublicConfig(withSecret);
    expect(Object.keys(shared).sort()).toEqual(
      ['country', 'crisisResources', 'flows', 'links', 'liveChat', 'locale', 'outcomes', 'safeExitUrl', 'serviceName', 'theme'],
    );
    expect(shared.outcomes).toBe(true);
    expect(JSON.stringify(shared)).not.toContain('transcriptHours');
  });
});

describe('parsePort', () => {
  it('defaults to 3000 and accepts 0 to 65535', () => {
    expect(parsePort(undefined)).toBe(3000);
    expect(parsePort('')).toBe(3000);
    expect(parsePort('0')).toBe(0);
    expect(parsePort(' 65535 ')).toBe(65535);
  });

  it('rejects anything else with a sentence', () => {
    for (const value of ['abc', '-1', '70000', '3000.5', '0x10']) {
      expect(() => parsePort(value)).toThrow(
        new ConfigError(
          `PORT must be a whole number from 0 to 65535, not "${value}". Set PORT to the port the server should listen on, or leave it unset to use 3000.`,
        ),
      );
    }
  });
});

describe('CRISIS_RESOURCES', () => {
  it.each(COUNTRY_CODES)('%s lists the emergency number first and at least one crisis line', (country: CountryCode) => {
    const list = CRISIS_RESOURCES[country];
    expect(list[0]).toMatchObject({ emergency: true, phone: expect.stringMatching(/^\d{3}$/) });
    expect(list.filter((r) => r.emergency)).toHaveLength(1);
    expect(list.some((r) => !r.emergency && (r.phone ?? r.sms))).toBe(true);
    // tel:/sms: links need bare digits; an entry offering both uses one number for both.
    for (const r of list) {
      for (const n of [r.phone, r.sms]) if (n !== undefined) expect(n).toMatch(/^\d+$/);
      if (r.phone && r.sms) expect(r.sms).toBe(r.phone);
      if (r.display) expect(r.display.replace(/\D/g, '')).toContain(r.phone ?? r.sms);
    }
    // The shipped lists must pass the same checks as a service's own list.
    expect(parseServiceConfig({ ...VALID, country, crisisResources: list }).crisisResources).toEqual(list);
  });

  it('covers every country a service can configure', () => {
    expect(Object.keys(CRISIS_RESOURCES).sort()).toEqual([...COUNTRY_CODES].sort());
  });
});
