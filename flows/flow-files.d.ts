// Lets TypeScript type `import flow from './default.flow.yaml'` (turned into JSON by vite-plugin.ts).
declare module '*.flow.yaml' {
  const flow: import('./schema.js').Flow;
  export default flow;
}
