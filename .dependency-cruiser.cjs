/**
 * The module boundaries (issue #17, docs/ARCHITECTURE.md), checked by `npm test` before any test runs:
 * `depcruise --config .dependency-cruiser.cjs client server shared seeds`. Paths are relative to the project
 * root; tests/unit/boundaries.test.ts runs these rules over a fixture tree with one violation of each.
 */
module.exports = {
  forbidden: [
    {
      name: 'client-only-through-shared',
      comment: 'The browser code meets the server only through the wire contract in shared/.',
      severity: 'error',
      from: { path: '^client/' },
      to: { path: '^(server|seeds)/' },
    },
    {
      name: 'server-only-through-shared',
      comment: 'The server meets the browser code only through the wire contract in shared/.',
      severity: 'error',
      from: { path: '^(server|seeds)/' },
      to: { path: '^client/' },
    },
    {
      name: 'shared-imports-neither-side',
      comment: 'shared/ is the contract both sides import; it imports neither of them.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(client|server|seeds)/' },
    },
    {
      name: 'runtime-never-imports-seeds',
      comment: 'The server runs without seeds/: the loader it needs on first start lives in server/src/platform/seed.',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: '^seeds/' },
    },
    {
      name: 'maplibre-only-in-map',
      comment: 'Only client/src/map imports maplibre-gl and terra-draw (DESIGN.md, style rule 3).',
      severity: 'error',
      from: { path: '^(client|shared)/', pathNot: '^client/src/map/' },
      to: { path: 'node_modules/(maplibre-gl|terra-draw|terra-draw-maplibre-gl-adapter)/' },
    },
    {
      name: 'feature-through-its-index',
      comment: 'A client feature uses another feature only through that feature’s index.ts.',
      severity: 'error',
      from: { path: '^client/src/features/([^/]+)/' },
      to: {
        path: '^client/src/features/([^/]+)/',
        pathNot: ['^client/src/features/$1/', '^client/src/features/[^/]+/index\\.tsx?$'],
      },
    },
    {
      name: 'module-through-its-index',
      comment: 'A server module uses another module only through that module’s index.ts.',
      severity: 'error',
      from: { path: '^server/src/modules/([^/]+)/' },
      to: {
        path: '^server/src/modules/([^/]+)/',
        pathNot: ['^server/src/modules/$1/', '^server/src/modules/[^/]+/index\\.ts$'],
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
    exclude: { path: '^client/dist/' },
  },
};
