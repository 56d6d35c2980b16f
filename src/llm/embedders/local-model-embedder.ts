import { fail, ok, type Embedder, type Result } from '../../core/index.js';

/** The slice of @huggingface/transformers this embedder uses. */
interface Transformers {
  env: { localModelPath: string; allowRemoteModels: boolean; allowLocalModels: boolean; cacheDir: string };
  pipeline(task: 'feature-extraction', model: string): Promise<(texts: string[], options: { pooling: 'mean'; normalize: boolean }) => Promise<{ tolist(): number[][] }>>;
}

export interface LocalModelOptions {
  /** e.g. Xenova/all-MiniLM-L6-v2 */
  model: string;
  /** A folder holding the model (<folder>/<model>/...), for machines without network; no download then. */
  modelPath?: string;
  /** Where downloaded models are cached. */
  cacheDir: string;
}

/**
 * A sentence-transformer model (all-MiniLM-L6-v2 by default) run locally through
 * @huggingface/transformers: semantic matches with no API. The package is optional (about 470 MB with
 * its ONNX runtime), so it is imported on first use, and a missing package or model is reported as
 * UNAVAILABLE with what to do, and the library searches by keywords until it is fixed.
 */
export class LocalModelEmbedder implements Embedder {
  readonly id: string;
  #extractor: Promise<Result<Awaited<ReturnType<Transformers['pipeline']>>>> | undefined;

  constructor(private readonly options: LocalModelOptions) {
    this.id = `local:${options.model}`;
  }

  async embed(texts: string[]): Promise<Result<number[][]>> {
    const extractor = await (this.#extractor ??= this.#load());
    if (!extractor.ok) {
      // Try again on a later call: the package may be installed or the network back by then.
      this.#extractor = undefined;
      return extractor;
    }
    const output = await extractor.value(texts, { pooling: 'mean', normalize: true });
    return ok(output.tolist());
  }

  async #load(): Promise<Result<Awaited<ReturnType<Transformers['pipeline']>>>> {
    let transformers: Transformers;
    try {
      const name = '@huggingface/transformers';
      transformers = (await import(name)) as Transformers;
    } catch {
      return fail(
        'UNAVAILABLE',
        'the local sentence model needs the optional package @huggingface/transformers: run `npm install @huggingface/transformers` ' +
          '(with "allowScripts": {"onnxruntime-node": false} in package.json), or set EMBEDDER=offline',
      );
    }
    transformers.env.cacheDir = this.options.cacheDir;
    if (this.options.modelPath) {
      transformers.env.localModelPath = this.options.modelPath;
      transformers.env.allowRemoteModels = false;
    }
    try {
      return ok(await transformers.pipeline('feature-extraction', this.options.model));
    } catch (error) {
      return fail(
        'UNAVAILABLE',
        `the sentence model ${this.options.model} could not be loaded (${(error as Error).message}): download it once with network access, ` +
          'or put it in a folder and set EMBEDDER_MODEL_PATH',
      );
    }
  }
}
