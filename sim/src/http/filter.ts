/**
 * The object filter of a list or watch request: the namespace from the path plus the
 * `labelSelector` and `fieldSelector` query parameters, parsed once per request.
 */
import type { KubeObject, ResourceKind } from '../model/types.js';
import {
  checkFieldsSupported,
  FieldSelectorError,
  matchesFields,
  parseFieldSelector,
  type FieldRequirement,
} from './fields.js';
import {
  matchesLabels,
  parseLabelSelector,
  SelectorParseError,
  type LabelRequirement,
} from './labels.js';
import { ApiError, badRequest } from './status.js';

export interface ObjectFilter {
  kind: ResourceKind;
  /** Only objects in this namespace (undefined: all namespaces / cluster-scoped). */
  namespace?: string;
  labels: LabelRequirement[];
  fields: FieldRequirement[];
}

/** Parse the selectors of a request, answering 400 (as the apiserver does) when malformed. */
export function parseFilter(
  kind: ResourceKind,
  namespace: string | undefined,
  query: URLSearchParams,
): ObjectFilter {
  try {
    const fields = parseFieldSelector(query.get('fieldSelector') ?? '');
    checkFieldsSupported(kind, fields);
    const labels = parseLabelSelector(query.get('labelSelector') ?? '');
    return { kind, namespace, labels, fields };
  } catch (err) {
    if (err instanceof SelectorParseError || err instanceof FieldSelectorError) {
      throw new ApiError(badRequest(err.message));
    }
    throw err;
  }
}

/** True when the filter has no selector (only the namespace restricts it). */
export function isUnfiltered(filter: ObjectFilter): boolean {
  return filter.labels.length === 0 && filter.fields.length === 0;
}

export function matchesFilter(filter: ObjectFilter, obj: KubeObject): boolean {
  if (filter.namespace !== undefined && obj.metadata.namespace !== filter.namespace) return false;
  return (
    matchesLabels(filter.labels, obj.metadata.labels) &&
    matchesFields(filter.kind, filter.fields, obj)
  );
}
