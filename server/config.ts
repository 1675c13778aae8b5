/**
 * The service configuration: which service this is, where it works, what a quick exit opens, which
 * flows it offers. A service lead edits one JSON file (`service.config.json` at the repository root,
 * or the file named by `SST_CONFIG`); the server checks it at start and refuses to run with a sentence
 * that says what to fix, because a chat with wrong crisis numbers or a broken quick exit is unsafe.
 *
 * The widget imports only the `PublicConfig` type from here (`import type`), so nothing in this module
 * reaches the browser bundle.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { checkHours, type LiveChatHours } from './hours.js';
import { COUNTRY_CODES, CRISIS_RESOURCES, type CountryCode, type CrisisResource } from '../flows/crisis-resources.js';

/** Flows a service can offer. Kept here until flows/ exports its own list of compiled flows. */
export const FLOW_IDS = ['default', 'youth'] as const;
export type FlowId = (typeof FLOW_IDS)[number];

export interface ServiceLink {
  label: string;
  /** An absolute http(s) URL, or a path starting with "/" on the site the widget is embedded in. */
  href: string;
}

export interface ServiceTheme {
  /** A CSS colour; the widget's default for `--sst-accent` (the host page's CSS still wins). */
  accent?: string;
}

/** What the widget receives from `GET /api/config`. Never add secrets or server-only settings here. */
export interface PublicConfig {
  serviceName: string;
  country: CountryCode;
  locale: string;
  safeExitUrl: string;
  /** At least one; the first is the flow a session starts with. */
  flows: FlowId[];
  /** The service's own list, or the standard list for `country`; emergency entries first. */
  crisisResources: CrisisResource[];
  /** Service pages offered at the end of a session. */
  links: ServiceLink[];
  theme: ServiceTheme;
  /** When a person can talk to a therapist live; outside these hours the widget says so. */
  liveChat: LiveChatHours & { alternatives: ServiceLink[] };
  /**
   * The service collects anonymous outcome records (`outcomes.enabled`). When true, the flow asks
   * for consent and, only with a yes, the widget sends one record at the end. Default false.
   */
  outcomes: boolean;
}

/** Settings only the server uses. */
export interface ServerOnlyConfig {
  retention: {
    /** Hours an ended chat's transcript is kept before the purge deletes it (default 24). */
    transcriptHours: number;
  };
}

/**
 * Everything the server knows about the service: the public settings plus server-only ones, which
 * `toPublicConfig` keeps out of the browser because it copies public fields by name.
 */
export type ServiceConfig = PublicConfig & ServerOnlyConfig;

export const DEFAULT_TRANSCRIPT_HOURS = 24;
/**
 * 90 days. A transcript of a chat with a mental-health service is not an archive: anything a service
 * must keep for longer belongs in its own clinical record system, not in the chat's database.
 */
export const MAX_TRANSCRIPT_HOURS = 24 * 90;

/** A configuration problem the person running the server can fix; `message` is what to print. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export const DEFAULT_PORT = 3000;
const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

// ---------------------------------------------------------------------------------------------
// Schema. Messages are phrased to follow the quoted key: `"safeExitUrl" must be ...`.

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

const Text = z.string().trim().min(1, { error: 'must not be empty' });
const HttpUrl = z.string().refine(isHttpUrl, { error: 'must be an absolute http(s) URL' });
// Numbers become tel:/sms: links, so spaces or letters would produce a link that dials nothing.
const Dialled = z.string().regex(/^\+?[0-9]{3,15}$/, { error: 'must be the digits as dialled, with no spaces (for example "131114")' });
// The accent ends up in a style rule, so only plain colour syntax is accepted (no ";", "{", quotes or url()).
const CssColour = z
  .string()
  .regex(/^(#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})|[a-z]+|(rgba?|hsla?|hwb|lab|lch|oklab|oklch)\([0-9a-z.,%\s/+-]+\))$/i, {
    error: 'must be a CSS colour such as "#0f5e6e" or "rgb(15 94 110)"',
  });

const CrisisResourceSchema = z
  .strictObject({
    name: Text,
    description: Text,
    phone: Dialled.optional(),
    sms: Dialled.optional(),
    display: Text.optional(),
    url: HttpUrl.optional(),
    emergency: z.boolean().optional(),
  })
  .refine((r) => r.phone !== undefined || r.sms !== undefined || r.url !== undefined, {
    error: 'needs a "phone", "sms" or "url"',
  });

const CrisisResourceList = z
  .array(CrisisResourceSchema)
  .min(1, { error: 'must list at least one resource' })
  .refine((list) => list.some((r) => r.emergency === true), {
    error: 'must include the emergency services number (an entry with "emergency": true)',
  })
  .refine((list) => list.some((r) => r.emergency !== true && (r.phone !== undefined || r.sms !== undefined)), {
    error: 'must include at least one crisis line with a "phone" or "sms" number',
  });

const LinkSchema = z.strictObject({
  label: Text,
  href: z.string().refine((v) => isHttpUrl(v) || /^\/(?!\/)/.test(v), {
    error: 'must be an absolute http(s) URL or a path starting with "/"',
  }),
});

const LiveChatSchema = z
  .strictObject({
    timezone: Text,
    hours: z.union([z.literal('always'), z.record(z.string(), z.array(z.string()))]),
    /** Offered when live chat is closed, alongside the crisis lines. */
    alternatives: z.array(LinkSchema).default([]),
  })
  .superRefine((live, ctx) => {
    for (const problem of checkHours(live)) ctx.addIssue({ code: 'custom', message: problem, path: ['hours'] });
  });

const ServiceConfigSchema = z.strictObject({
  serviceName: Text.max(120, { error: 'must be at most 120 characters' }),
  country: z.enum(COUNTRY_CODES),
  locale: z
    .string()
    .regex(/^[a-z]{2}(-[A-Z]{2})?$/, { error: 'must be a language code such as "en" or "en-AU"' })
    .default('en'),
  safeExitUrl: HttpUrl,
  flows: z
    .array(z.enum(FLOW_IDS))
    .min(1, { error: 'must list at least one flow' })
    .refine((list) => new Set(list).size === list.length, { error: 'must not list a flow twice' }),
  crisisResources: CrisisResourceList.optional(),
  links: z.array(LinkSchema).default([]),
  theme: z.strictObject({ accent: CssColour.optional() }).default({}),
  liveChat: LiveChatSchema.default({ timezone: 'UTC', hours: 'always', alternatives: [] }),
  outcomes: z.strictObject({ enabled: z.boolean() }).default({ enabled: false }),
  retention: z
    .strictObject({
      transcriptHours: z
        .number()
        .positive({ error: 'must be more than 0' })
        .max(MAX_TRANSCRIPT_HOURS, { error: `must be at most ${MAX_TRANSCRIPT_HOURS} (90 days)` }),
    })
    .default({ transcriptHours: DEFAULT_TRANSCRIPT_HOURS }),
});

/** What to do about a problem, by top-level key. The second half of every ConfigError sentence. */
const HINTS: Record<keyof z.input<typeof ServiceConfigSchema>, string> = {
  serviceName: 'Set it to the name people know your service by.',
  country: 'Set it to the country the service works in; it chooses the crisis numbers people see.',
  locale: 'Set it to a language code such as "en", or remove it to use English.',
  safeExitUrl: 'Set it to the page a person should land on after a quick exit.',
  flows: 'List the flows the service offers, for example ["default", "youth"]; the first is where a session starts.',
  crisisResources: 'Fix it, or remove "crisisResources" to show the standard numbers for the country.',
  links: 'Give each link a "label" and an "href".',
  theme: 'Set "theme.accent" to a CSS colour, or remove "theme".',
  liveChat: 'Set "liveChat.timezone" to your time zone and "liveChat.hours" to "always" or per-day ranges such as {"mon": ["09:00-17:00"]}.',
  outcomes: 'Set "outcomes.enabled" to true to ask people for consent to an anonymous outcome record, or false (or remove "outcomes") to ask nothing.',
  retention: `Set "retention.transcriptHours" to how many hours an ended chat is kept before it is deleted, from more than 0 up to ${MAX_TRANSCRIPT_HOURS}, or remove "retention" to keep them ${DEFAULT_TRANSCRIPT_HOURS} hours.`,
};

// ---------------------------------------------------------------------------------------------
// Turning zod issues into one sentence for a person.

function pathText(parts: readonly PropertyKey[]): string {
  return parts.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}

function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

const EXPECTED: Record<string, string> = {
  string: 'text in quotes',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list [ ... ]',
  object: 'an object { ... }',
};

function describeIssue(issue: z.core.$ZodIssue, source: string): string {
  const where = `(in ${source})`;
  const top = issue.path[0];
  const hint = typeof top === 'string' && top in HINTS ? HINTS[top as keyof typeof HINTS] : '';

  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => `"${k}"`).join(', ');
    if (issue.path.length === 0) {
      const known = Object.keys(HINTS).join(', ');
      return `Service configuration: unknown key ${keys} ${where}. Remove it or check its spelling; the known keys are ${known}.`;
    }
    return `Service configuration: "${pathText(issue.path)}" has an unknown key ${keys} ${where}. ${hint}`;
  }
  if (issue.path.length === 0) {
    return `Service configuration: the file must contain one JSON object ${where}. See service.config.json at the repository root for an example.`;
  }

  let problem: string;
  if (issue.input === undefined) problem = 'is missing';
  else if (issue.code === 'invalid_type') problem = `must be ${EXPECTED[issue.expected] ?? issue.expected}`;
  else if (issue.code === 'invalid_value') {
    problem = `must be one of ${issue.values.map((v) => shown(v)).join(', ')}, not ${shown(issue.input)}`;
  } else problem = issue.message;
  return `Service configuration: "${pathText(issue.path)}" ${problem} ${where}. ${hint}`.trimEnd();
}

// ---------------------------------------------------------------------------------------------

/** Checks parsed JSON and fills in defaults. `source` names the file in error messages. */
export function parseServiceConfig(raw: unknown, source = 'the service configuration'): ServiceConfig {
  // reportInput lets describeIssue tell "missing" from "wrong" and quote the wrong value.
  const result = ServiceConfigSchema.safeParse(raw, { reportInput: true });
  if (!result.success) {
    // A misspelt key also shows up as a missing one; naming the unknown key explains both (at the
    // top level first, then inside a setting such as "retention").
    const { issues } = result.error;
    const unknown = issues.filter((i) => i.code === 'unrecognized_keys');
    const first = unknown.find((i) => i.path.length === 0) ?? unknown[0] ?? issues[0];
    throw new ConfigError(first ? describeIssue(first, source) : `Service configuration: ${source} is not valid.`);
  }
  const { crisisResources, outcomes, ...rest } = result.data;
  const resources = crisisResources ?? CRISIS_RESOURCES[rest.country];
  return {
    ...rest,
    outcomes: outcomes.enabled,
    // The safety screen shows the first entries most prominently, so emergency numbers lead.
    crisisResources: [...resources.filter((r) => r.emergency), ...resources.filter((r) => !r.emergency)],
  };
}

/**
 * The part of the configuration that may be sent to any browser. Copies fields by name on purpose:
 * `retention` (and any later server-only setting) never leaves the server.
 */
export function toPublicConfig(config: ServiceConfig): PublicConfig {
  const { serviceName, country, locale, safeExitUrl, flows, crisisResources, links, theme, liveChat, outcomes } = config;
  return { serviceName, country, locale, safeExitUrl, flows, crisisResources, links, theme, liveChat, outcomes: outcomes === true };
}

/** PORT from the environment: a whole number 0–65535 (0 asks the system for a free port). */
export function parsePort(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_PORT;
  const port = Number(value.trim());
  if (!/^\d+$/.test(value.trim()) || port > 65535) {
    throw new ConfigError(
      `PORT must be a whole number from 0 to 65535, not ${shown(value)}. Set PORT to the port the server should listen on, or leave it unset to use ${DEFAULT_PORT}.`,
    );
  }
  return port;
}

/** `./service.config.json` when the file is under the working directory, else the absolute path. */
function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? `./${rel.split(path.sep).join('/')}` : file;
}

/** Where a JSON syntax error is, as "line 3, column 5", from V8's "at position N". */
function jsonErrorWhere(error: unknown, text: string): string {
  const match = error instanceof Error ? /position (\d+)/.exec(error.message) : null;
  if (!match?.[1]) return '';
  const before = text.slice(0, Number(match[1]));
  const lines = before.split('\n');
  return ` near line ${lines.length}, column ${(lines.at(-1)?.length ?? 0) + 1}`;
}

export interface LoadedConfig {
  service: ServiceConfig;
  port: number;
  /** Absolute path of the file that was read. */
  configFile: string;
}

/**
 * Reads the configuration named by the environment: `SST_CONFIG` (default `service.config.json` at
 * the repository root; a relative path is taken from the working directory) and `PORT`.
 * Throws ConfigError with a sentence to print.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): LoadedConfig {
  const port = parsePort(env.PORT);
  const configured = env.SST_CONFIG?.trim();
  const configFile = configured ? path.resolve(configured) : path.join(REPO_ROOT, 'service.config.json');
  const source = displayPath(configFile);

  let text: string;
  try {
    text = readFileSync(configFile, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new ConfigError(
        `Service configuration: there is no file at ${source}. Set SST_CONFIG to the path of your service configuration JSON file, or create ${source}.`,
      );
    }
    throw new ConfigError(
      `Service configuration: ${source} could not be read (${code ?? 'unknown error'}). Check that it is a readable file, or set SST_CONFIG to another file.`,
    );
  }

  // Some editors save a byte-order mark, which JSON.parse rejects.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(
      `Service configuration: ${source} is not valid JSON${jsonErrorWhere(error, text)}. Fix the syntax there (check for a missing comma or quote), or set SST_CONFIG to another file.`,
    );
  }
  return { service: parseServiceConfig(raw, source), port, configFile };
}
