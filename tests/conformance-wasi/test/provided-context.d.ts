// The worker URL the driver's global setup (packages/driver-wasmvm/test/helpers/build-worker.ts) provides.
import "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    workerUrl: string;
  }
}
