/**
 * The service configuration as the widget uses it: fetched from `<server>/api/config`, then
 * overridden by attributes on `<sst-chat>` (which also make the widget work with no server at all).
 */
import type { CountryCode, CrisisResource } from '../../flows/crisis-resources.js';
import type { PublicConfig } from '../../server/config.js';

export interface WidgetConfig {
  serviceName: string;
  country: string | null;
  locale: string;
  safeExitUrl: string;
  flows: string[];
  crisisResources: CrisisResource[];
  links: Array<{ label: string; href: string }>;
  accent: string | null;
  /** Base URL of the server; live chat needs one. */
  server: string | null;
  liveChat: PublicConfig['liveChat'];
  /** The service collects anonymous outcome records (asked for consent in the flow). */
  outcomes: boolean;
}

/** Where quick exit goes when nothing is configured: a neutral, common page. */
const NEUTRAL_PAGE = 'https://www.google.com/';
export const KNOWN_FLOWS = ['default', 'youth'];

/** The server's response; every field is treated as optional so an older server still works. */
type ServerConfig = Partial<PublicConfig>;

/** `<server>/api/<path>`, whether the server URL ends in a slash or not, or is relative to the page. */
export function apiUrl(server: string, path: string): string {
  const base = new URL(server, document.baseURI);
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  return new URL(`api/${path}`, base).href;
}

export const configUrl = (server: string): string => apiUrl(server, 'config');

/**
 * The server's configuration, or nothing when it cannot be had in time. The self-guided session
 * needs no server, so a slow or failing server must not stop it: attributes and the bundled crisis
 * lines take over.
 */
async function fetchServerConfig(server: string): Promise<ServerConfig> {
  try {
    const response = await fetch(configUrl(server), {
      credentials: 'omit',
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(8000),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const data = (await response.json()) as unknown;
    return typeof data === 'object' && data !== null ? (data as ServerConfig) : {};
  } catch (error) {
    console.warn('sst-chat: the service configuration could not be loaded; using the page’s settings.', error instanceof Error ? error.message : '');
    return {};
  }
}

export async function loadConfig(element: HTMLElement): Promise<WidgetConfig> {
  const attr = (name: string) => element.getAttribute(name)?.trim() || undefined;
  const server = attr('server');
  const fromServer: ServerConfig = server ? await fetchServerConfig(server) : {};
  const country = (attr('country') ?? fromServer.country ?? '').toUpperCase() || null;
  const countryChanged = attr('country') !== undefined && attr('country')?.toUpperCase() !== fromServer.country;
  const flows = ((fromServer.flows as string[] | undefined) ?? KNOWN_FLOWS).filter((f) => KNOWN_FLOWS.includes(f));
  // A country set on the element wins over the server's list (that list is for the server's country).
  // The bundled table is only downloaded when there is no server list to use.
  let crisisResources = countryChanged ? undefined : fromServer.crisisResources;
  if (!crisisResources && country) {
    const { CRISIS_RESOURCES } = await import('../../flows/crisis-resources.js');
    crisisResources = CRISIS_RESOURCES[country as CountryCode];
  }
  return {
    serviceName: attr('service-name') ?? fromServer.serviceName ?? 'Support chat',
    country,
    locale: attr('locale') || fromServer.locale || document.documentElement.lang || 'en',
    safeExitUrl: safeUrl(attr('safe-url') ?? fromServer.safeExitUrl),
    flows: flows.length ? flows : ['default'],
    crisisResources: crisisResources ?? [],
    links: fromServer.links ?? [],
    accent: fromServer.theme?.accent ?? null,
    server: server ?? null,
    liveChat: fromServer.liveChat ?? { timezone: 'UTC', hours: 'always', alternatives: [] },
    // Only an explicit yes from the server: an older server, or none, never collects outcomes.
    outcomes: fromServer.outcomes === true && server !== undefined,
  };
}

/** Only http(s) URLs: a `javascript:` exit URL would run script on the host page. */
export function safeUrl(value: string | undefined): string {
  try {
    const url = new URL(value ?? NEUTRAL_PAGE, document.baseURI);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : NEUTRAL_PAGE;
  } catch {
    return NEUTRAL_PAGE;
  }
}

/** The flow to run: the element's choice when the service enables it, else the service's first. */
export function pickFlow(element: HTMLElement, config: WidgetConfig): string {
  const wanted = element.getAttribute('flow');
  return wanted && config.flows.includes(wanted) ? wanted : config.flows[0]!;
}
