// The launcher's styles ship in the first, small script, so they are a plain string (no Lit).
export const launcherStyles = `
:host{all:initial;position:fixed;inset-block-end:var(--sst-offset,1em);inset-inline-end:var(--sst-offset,1em);z-index:var(--sst-z-index,2147483000);font-family:var(--sst-font,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif)}
:host([hidden]){display:none}
button{display:inline-flex;align-items:center;gap:.5em;min-block-size:48px;padding:.75em 1.25em;border:2px solid transparent;border-radius:999px;background:var(--sst-accent,#0f5e6e);color:var(--sst-accent-contrast,#fff);font:inherit;font-size:1em;font-weight:600;cursor:pointer;box-shadow:0 4px 14px rgb(0 0 0/.25)}
button:focus-visible{outline:3px solid var(--sst-focus,#1a1a1a);outline-offset:3px;border-color:#fff}
button[aria-expanded=true]{display:none}
svg{inline-size:1.25em;block-size:1.25em;fill:currentColor}
`;
