/** The typed client, handed down through context so components never build their own. */
import { createContext, useContext } from 'react';
import type { ErrorCode, MizanApi } from '../../preload/contract';
import { MizanError } from '../../preload/contract/errors';
import type { TransportKind } from './transport';

export interface ApiValue {
  api: MizanApi;
  transportKind: TransportKind;
}

export const ApiContext = createContext<ApiValue | null>(null);

export function useApi(): ApiValue {
  const value = useContext(ApiContext);
  if (!value) throw new Error('useApi outside <ApiContext>');
  return value;
}

/** What the UI shows for anything a call threw. */
export interface ShownError {
  code: ErrorCode;
  message: string;
}

export function toShownError(error: unknown): ShownError {
  if (error instanceof MizanError) return { code: error.code, message: error.message };
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}
