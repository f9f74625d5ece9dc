import type { MethodResult } from '../../common/contract';
import { call } from '../rpc/api';
import { type CoreQuery, useCoreQuery } from './use_core_query';

type PublishedMethod = 'directory.dataset' | 'fees.rule_table' | 'content.library';

export type Published<M extends PublishedMethod> = CoreQuery<MethodResult<M>>;

/** Loads published data (directory, fee rules, content) from the core once per screen. */
export function usePublished<M extends PublishedMethod>(method: M): Published<M> {
  return useCoreQuery(() => call(method, {} as never) as Promise<MethodResult<M>>, [method]);
}
