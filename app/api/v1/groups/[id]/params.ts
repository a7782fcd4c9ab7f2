// The group routes' path parameters, from the groups contract.
export {
  groupParamsSchema as groupParams,
  memberParamsSchema as memberParams,
  tagParamsSchema as tagParams,
} from '@/lib/groups/schemas';
