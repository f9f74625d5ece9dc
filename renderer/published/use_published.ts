import { useEffect, useState } from 'react';
import type { MethodResult } from '../../common/contract';
import { call } from '../rpc/api';

type PublishedMethod = 'directory.dataset' | 'fees.rule_table' | 'content.library';

export type Published<M extends PublishedMethod> =
  | { status: 'loading' }
  | { status: 'failed' }
  | { status: 'ready'; value: MethodResult<M> };

/** Loads published data (directory, fee rules, content) from the core once per screen. */
export function usePublished<M extends PublishedMethod>(method: M): Published<M> {
  const [state, setState] = useState<Published<M>>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    call(method, {} as never).then(
      (value) => live && setState({ status: 'ready', value: value as MethodResult<M> }),
      () => live && setState({ status: 'failed' }),
    );
    return () => {
      live = false;
    };
  }, [method]);
  return state;
}
