/**
 * AbortSignal is a global of both the DOM and Node. The contract project loads
 * neither library (so it cannot use anything else of theirs), so the part the
 * client calls is declared here; the programs that import the contract
 * (renderer, core, hosts) see their own, complete AbortSignal instead.
 */
interface AbortSignal {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}
