export { createDndBeyondImporter, type DndBeyondImporterOptions } from './dndbeyond-importer.js';
export { defaultDdbClientOptions, type DdbClientOptions } from './ddb-client.js';
export { parseDdbExport, type DdbShape } from './ddb-shape.js';
export { COBALT_HELP } from './ddb-errors.js';
