import { request } from './core_method';

/** 查询进度: a receipt number with the last six of the ID number, or with the card on the reader. */
export const lookupStatus = request('status.lookup');
export const lookupStatusByCard = request('status.lookup_by_card');
