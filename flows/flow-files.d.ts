// Lets TypeScript type `import flow from './default.flow.yaml'` (turned into JSON by vite-plugin.ts).
declare module '*.flow.yaml' {
  const flow: import('./schema.js').Flow;
  export default flow;
}

// `?safety`: only the flow's `safety` section (the safety screen's wording), as its own chunk.
declare module '*.flow.yaml?safety' {
  const safety: import('./schema.js').Safety | undefined;
  export default safety;
}
