/**
 * What runs in the simulated cluster: images, well-known platform workloads and the words
 * generated workload names are made of. Data only; planning lives in workloads.ts.
 */

/** Resource size classes: raw [cpu millicores, memory MiB] requests before cluster fitting. */
export const SIZES = {
  tiny: [50, 64],
  small: [100, 128],
  medium: [250, 512],
  large: [500, 1024],
  xlarge: [1000, 4096],
  huge: [4000, 16384],
} as const;

/** A key of SIZES. */
export type SizeClass = keyof typeof SIZES;

/** Controllers catalog entries may name (CronJobs are generated, not catalogued). */
export type CatalogKind = 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'Job';

/** A workload that a real namespace of that name would run. */
export interface KnownWorkload {
  kind: CatalogKind;
  name: string;
  image: string;
  /** Pod count; DaemonSets ignore it (one per node). */
  replicas: number;
  size: SizeClass;
  port?: number;
}

const d = (name: string, image: string, replicas: number, size: SizeClass, port?: number) =>
  ({ kind: 'Deployment', name, image, replicas, size, port }) satisfies KnownWorkload;
const s = (name: string, image: string, replicas: number, size: SizeClass, port?: number) =>
  ({ kind: 'StatefulSet', name, image, replicas, size, port }) satisfies KnownWorkload;
const ds = (name: string, image: string, size: SizeClass, port?: number) =>
  ({ kind: 'DaemonSet', name, image, replicas: 0, size, port }) satisfies KnownWorkload;

/** Platform namespaces run the same off-the-shelf components everywhere. */
export const KNOWN_WORKLOADS: Readonly<Record<string, readonly KnownWorkload[]>> = {
  monitoring: [
    s('prometheus-k8s', 'quay.io/prometheus/prometheus:v2.54.1', 2, 'xlarge', 9090),
    s('alertmanager-main', 'quay.io/prometheus/alertmanager:v0.27.0', 3, 'small', 9093),
    d('grafana', 'docker.io/grafana/grafana:11.2.2', 1, 'medium', 3000),
    d(
      'kube-state-metrics',
      'registry.k8s.io/kube-state-metrics/kube-state-metrics:v2.13.0',
      1,
      'small',
      8080,
    ),
    ds('node-exporter', 'quay.io/prometheus/node-exporter:v1.8.2', 'tiny', 9100),
  ],
  'ingress-nginx': [
    d(
      'ingress-nginx-controller',
      'registry.k8s.io/ingress-nginx/controller:v1.11.3',
      3,
      'medium',
      443,
    ),
  ],
  logging: [
    ds('fluent-bit', 'cr.fluentbit.io/fluent/fluent-bit:3.1.9', 'tiny', 2020),
    s('loki', 'docker.io/grafana/loki:3.2.0', 3, 'large', 3100),
  ],
  'cert-manager': [
    d('cert-manager', 'quay.io/jetstack/cert-manager-controller:v1.16.1', 1, 'small', 9402),
    d('cert-manager-cainjector', 'quay.io/jetstack/cert-manager-cainjector:v1.16.1', 1, 'small'),
    d('cert-manager-webhook', 'quay.io/jetstack/cert-manager-webhook:v1.16.1', 1, 'tiny', 10250),
  ],
  argocd: [
    d('argocd-server', 'quay.io/argoproj/argocd:v2.12.6', 2, 'small', 8080),
    d('argocd-repo-server', 'quay.io/argoproj/argocd:v2.12.6', 2, 'medium', 8081),
    s('argocd-application-controller', 'quay.io/argoproj/argocd:v2.12.6', 1, 'large', 8082),
    d('argocd-redis', 'docker.io/library/redis:7.4.1-alpine', 1, 'small', 6379),
  ],
  kafka: [
    s('kafka', 'docker.io/bitnami/kafka:3.8.0', 3, 'xlarge', 9092),
    s('zookeeper', 'docker.io/bitnami/zookeeper:3.9.2', 3, 'small', 2181),
  ],
  vault: [s('vault', 'docker.io/hashicorp/vault:1.17.6', 3, 'small', 8200)],
  'ml-training': [
    {
      kind: 'Job',
      name: 'train-ranker',
      image: 'nvcr.io/nvidia/pytorch:24.09-py3',
      replicas: 4,
      size: 'huge',
    },
  ],
};

/** Data stores teams run themselves as StatefulSets. */
export const STATEFUL_APPS: readonly KnownWorkload[] = [
  s('postgres', 'docker.io/library/postgres:16.4', 1, 'large', 5432),
  s('redis', 'docker.io/library/redis:7.4.1', 1, 'medium', 6379),
  s('rabbitmq', 'docker.io/library/rabbitmq:3.13.7-management', 3, 'medium', 5672),
  s('elasticsearch', 'docker.elastic.co/elasticsearch/elasticsearch:8.15.3', 3, 'xlarge', 9200),
  s('mongodb', 'docker.io/library/mongo:7.0.14', 3, 'large', 27017),
  s('memcached', 'docker.io/library/memcached:1.6.31', 2, 'small', 11211),
  s('clickhouse', 'docker.io/clickhouse/clickhouse-server:24.8.5', 2, 'xlarge', 8123),
];

/** Service roles, the second half of generated Deployment names (`payments-api`). */
export const COMPONENTS = [
  'api',
  'web',
  'worker',
  'gateway',
  'frontend',
  'backend',
  'consumer',
  'processor',
  'scheduler',
  'indexer',
  'sync',
  'webhook',
  'admin',
  'graphql',
  'grpc',
  'router',
  'notifier',
  'exporter',
  'reconciler',
  'ingest',
  'query',
  'writer',
  'reader',
  'cache-warmer',
  'auth-proxy',
] as const;

/** Domain words for larger namespaces (`payments-ledger-api`). */
export const QUALIFIERS = [
  'ledger',
  'refund',
  'invoice',
  'session',
  'profile',
  'event',
  'order',
  'cart',
  'report',
  'price',
  'stock',
  'user',
  'account',
  'audit',
  'email',
  'sms',
  'push',
  'feed',
  'rank',
  'tax',
  'fx',
  'risk',
  'quote',
  'label',
  'asset',
  'config',
  'token',
  'review',
  'promo',
  'ticket',
] as const;

/** Batch work: CronJob and one-off Job names. */
export const JOB_NAMES = [
  'db-migrate',
  'nightly-report',
  'cleanup',
  'backfill',
  'export',
  'reindex',
  'sync-catalog',
  'rotate-keys',
  'aggregate',
  'snapshot',
] as const;

/** Sidecars injected or added next to application containers. */
export const SIDECARS = {
  'istio-proxy': { image: 'docker.io/istio/proxyv2:1.23.2', size: [100, 128] },
  'log-shipper': { image: 'cr.fluentbit.io/fluent/fluent-bit:3.1.9', size: [20, 48] },
  'cloud-sql-proxy': {
    image: 'gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.13.0',
    size: [50, 64],
  },
} as const;

/** A key of SIDECARS. */
export type SidecarName = keyof typeof SIDECARS;

/** The registry teams push their own images to. */
export const APP_REGISTRY = 'registry.example.com';
