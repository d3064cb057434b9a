/**
 * The diagnostics' sentences in Japanese, keyed by the server's phrase codes (see zh-CN.ts).
 * Commands, flags and API paths stay as sent.
 */
import type { phrasesZhCN } from './zh-CN.js';

export const phrasesJa: typeof phrasesZhCN = {
  any: {
    'not-checked': '未チェック：先に「{{becauseTitle}}」が動作している必要があります。',
  },
  apiserver: {
    ok: 'APIサーバーが応答しています（{{version}}）。',
    unauthorized: 'APIサーバーが kubeglance の認証情報を拒否しています（401 Unauthorized）。',
    tls: 'APIサーバーの証明書が信頼されていません（TLSハンドシェイク失敗）。',
    unreachable: 'APIサーバーに到達できません。',
    error: 'APIサーバーが /version にエラーを返しました。',
  },
  rbac: {
    'no-review':
      '判定できません：APIサーバーが SelfSubjectAccessReview を拒否しました（{{rule}}）。',
    ok: 'kubeglance に必要な {{rules}} 個の権限がすべて付与されています。',
    denied: 'kubeglance に必要な権限のうち {{count}} 個が拒否されています：{{rules}}。',
  },
  aggregation: {
    'not-allowed':
      '判定できません：kubeglance には ConfigMap kube-system/extension-apiserver-authentication を読む権限がありません。ルール「{{rule}}」（deploy/ にある任意の kube-system Role）があれば確認できます。',
    off: 'APIサーバーのアグリゲーションレイヤーが設定されていません：metrics-server はリクエストを system:anonymous として受け取っています。',
    ok: 'リクエストはアグリゲーションレイヤーで認証されて metrics-server に届いています。',
    configured:
      'アグリゲーションレイヤーは設定済みです（requestheader-client-ca-file が公開されています）。',
    unreadable:
      '判定できません：ConfigMap kube-system/extension-apiserver-authentication を読めませんでした。',
  },
  apiservice: {
    'not-allowed':
      '判定できません：kubeglance には APIService {{name}} を読む権限がありません。ルール「{{rule}}」（deploy/ にある任意の kube-system Role）があれば確認できます。',
    unreadable: '判定できません：APIService を読めませんでした。',
    missing: 'メトリクスAPIが登録されていません：metrics-server がインストールされていません。',
    ok: 'APIService は Available です。',
    'missing-endpoints':
      'metrics-server の Service にReadyなエンドポイントがありません：Podが Ready ではありません（{{reason}}）。',
    'service-not-found':
      'APIService が存在しない metrics-server の Service を指しています（{{reason}}）。',
    timeout: 'APIサーバーから metrics-server に到達できません（i/o timeout、{{reason}}）。',
    'discovery-failed':
      'APIサーバーから metrics-server へのディスカバリーリクエストが失敗しています（{{reason}}）。',
  },
  warmup: {
    unreadable: '判定できません：kube-system の metrics-server のPodを一覧できませんでした。',
    'no-pod':
      'kube-system に k8s-app=metrics-server ラベルのPodがありません（Helm でのインストールでは app.kubernetes.io/name=metrics-server が付きます）。',
    ready: 'metrics-server（{{pod}}）は Ready です。',
    warming:
      'metrics-server はウォームアップ中です：2回のスクレイプ（約 {{expected}} 秒）の後に応答します。残り {{seconds}} 秒。',
    'not-ready': 'metrics-server のPod {{pod}} が Ready ではありません。',
  },
  'kubelet-scrape': {
    'not-allowed':
      '判定できません：kubeglance には metrics-server のログを読む権限がありません。ルール「{{rule}}」（deploy/ にある任意の kube-system Role）があれば確認できます。',
    'not-synced': 'まだチェックしていません：ノード一覧を読み込み中です。',
    ok: 'Readyなノード（{{nodes}}）すべてにメトリクスがあります。',
    'some-missing':
      '{{nodes}} ノード中 {{missing}} ノードにメトリクスがありません（{{names}}）：metrics-server がそれらの kubelet をスクレイプできません。',
    unreadable: '判定できません：metrics-server のログを読めませんでした。',
    'no-errors': 'metrics-server のログに kubelet のスクレイプエラーはありません。',
    'all-failing':
      'metrics-server はどの kubelet もスクレイプできず（{{nodes}} ノード中 {{failing}} ノードが失敗）、提供するデータがありません：修正するまで 503 になります。',
    'some-failing':
      'metrics-server は {{nodes}} ノード中 {{failing}} ノードのスクレイプに失敗しています。',
  },
  freshness: {
    'no-metrics': '未チェック：メトリクスAPIが応答しません。',
    'no-sample': '未チェック：メトリクスのサンプルがまだありません。',
    'poll-failed':
      '直前のメトリクス取得は失敗しましたが、現在はすべての箇所が正常に見えます：次の取得（1解像度以内）でデータが戻るはずです。',
    stuck:
      'メトリクスのタイムスタンプが進まなくなりました：最新のサンプルは {{seconds}} 秒前のものです（解像度 {{resolution}} 秒）。',
    skew: '{{count}} ノードの時計が kubeglance より進んでいます：{{names}}。',
    ok: 'サンプルは {{resolution}} 秒ごとに更新され、ノードの時計も一致しています。',
  },
  pods: {
    'no-metrics': '未チェック：メトリクスAPIが応答しません。',
    'no-sample': '未チェック：メトリクスのサンプルがまだありません。',
    ok: '起動から2分を過ぎた実行中のPodすべてにメトリクスがあります。',
    missing: '起動から2分を過ぎた実行中のPodのうち {{count}} 個にメトリクスがありません。',
    'missing-some-on-missing-nodes':
      '起動から2分を過ぎた実行中のPodのうち {{count}} 個にメトリクスがありません（うち {{onMissingNodes}} 個はメトリクスのないノード上）。',
  },
  prometheus: {
    unreachable:
      '{{url}} の Prometheus が応答しません：メモリ上の1時間を超えるグラフは描けません。',
    'no-kubelet-series':
      'Prometheus は応答しますが、直近1時間の kubelet のCPU系列がありません：長期間のグラフは空のままです。',
    ok: '{{url}} の Prometheus が応答し、kubelet の系列を保持しています。',
  },
  evidence: {
    'resolution-assumed': '--metric-resolution（デフォルト値と仮定）',
    'args-none': 'metrics-server の kubelet 関連の引数：指定なし',
    answer: 'HTTP {{status}}',
    'connection-error': '接続エラー',
    'prometheus-resource':
      'kubelet /metrics/resource：直近1時間に {{series}} 系列、ラベル {{label}} で {{nodes}} ノード',
    'prometheus-cadvisor':
      'cAdvisor（フォールバック）：直近1時間に {{series}} 系列、ラベル {{label}} で {{nodes}} ノード',
    'prometheus-ksm': 'kube-state-metrics のリクエスト（任意）：直近1時間に {{series}} 系列',
    'prometheus-failed': '系列のクエリに失敗しました',
    'configmap-keys': 'kube-system/extension-apiserver-authentication のキー',
    'missing-rule': '不足しているRBACルール',
    'key-missing': '不足しているキー',
    condition: 'Available Condition',
    'newest-sample': '最新サンプルのタイムスタンプ',
    skew: 'ノードのタイムスタンプの進み',
    'missing-nodes': 'NodeMetrics にないノード',
    'scrape-errors': 'metrics-server のログ',
    args: 'metrics-server の kubelet 関連の引数',
    pods: 'メトリクスのない実行中のPod',
    'pods-first': 'メトリクスのない実行中のPod（{{total}} 個中、最初の {{shown}} 個）',
    pod: 'metrics-server のPod',
    'log-tail': 'ログの最後の行',
    url: 'Prometheus のURL',
    'forbidden-seen': 'kubeglance が受けた403応答',
    'optional-denied': '付与されていない任意の診断用読み取り権限',
    denied: 'SelfSubjectAccessReview：拒否',
  },
  fix: {
    'aggregation-kubeadm':
      'kubeadm：kube-apiserver の静的Podマニフェストに front-proxy のフラグを追加します。kubelet が再起動します。',
    'aggregation-k3s':
      'k3s：アグリゲーションレイヤーはデフォルトで有効です。requestheader や proxy-client のフラグを上書きする --kube-apiserver-arg を削除し、k3s を再起動します。',
    'aggregation-managed':
      'マネージドクラスター（EKS、GKE、AKS）：アグリゲーションレイヤーはプロバイダーが設定します。ConfigMap に requestheader のキーがない場合はサポートに問い合わせてください。',
    'refresh-token':
      'kubeconfig のトークン（期限切れの可能性）またはサービスアカウントのトークンを更新します。kubeglance は変更された kubeconfig を数秒で再読み込みします。',
    ca: 'kubeconfig の certificate-authority-data をクラスターのCA（またはクラスター内の ca.crt）にします。',
    'server-url':
      'kubeconfig のサーバーURL、ネットワーク経路（VPN、ファイアウォール）、APIサーバーの稼働を確認します。',
    'apiserver-health': 'APIサーバーの状態を確認します。',
    'pod-status':
      'metrics-server のPodが Ready でない理由（イベント、Readiness Probe、イメージのPull）を確認します。',
    'pod-logs': 'ログを確認します。',
    'network-firewall':
      'APIサーバーから metrics-server のPodに到達できません：コントロールプレーンのノードからPodネットワークのポート10250への通信を許可します（ファイアウォール、セキュリティグループ。コントロールプレーンのノードで iptables の FORWARD ポリシーが DROP の場合も）。',
    'network-hostnetwork':
      'または metrics-server を hostNetwork: true で動かし、APIサーバーがノードのアドレスで到達できるようにします。',
    'network-aggregator-routing':
      'コントロールプレーンから Service のIPにルーティングできない（kube-proxy がない）場合は、kube-apiserver を --enable-aggregator-routing=true で起動します。',
    reinstall: 'metrics-server を再インストールします（マニフェストが Service を作成します）。',
    install: 'metrics-server をインストールし、最初のスクレイプまで1分ほど待ちます。',
    restart: 'metrics-server が停止しています：再起動します。',
    ntp: 'ノードの時計を同期（NTP、chrony）し、確認します。',
    'kubelet-signed-certs':
      '推奨：kubelet にクラスターのCAで署名されたサービング証明書（serverTLSBootstrap）を持たせ、CSRを承認します。',
    'kubelet-insecure-tls':
      'または metrics-server を --kubelet-insecure-tls で動かします。リスク：ポート10250のどんな証明書も受け入れるため、通信を傍受できる者が偽のメトリクスを送れます。検証環境なら許容できますが、本番環境では不可です。',
    'address-types':
      'metrics-server がノードに到達できないアドレスを使っています：InternalIP を優先します。',
    'open-10250':
      'metrics-server のPodネットワークから各ノードのTCP 10250（kubelet のポート）への通信を許可します：ファイアウォール、セキュリティグループ、ネットワークポリシー。',
    'read-log': 'metrics-server のログでスクレイプのエラーを確認します。',
    'pods-usual':
      '多くは短命なPodか、それらを報告できない kubelet です。kubelet のスクレイプを確認してください。',
    'optional-role':
      '任意：診断が kube-system の metrics-server の ConfigMap、Deployment、ログを読めるようにします。',
    'add-rules':
      '不足しているルールを kubeglance の ClusterRole（deploy/kubernetes）に追加するか、その権限を持つ kubeconfig ユーザーを使います。',
    wait: '待つだけで対処は不要です。1分経っても Ready にならなければログを確認してください。',
    reach:
      'kubeglance からURLに到達でき、/api/v1/query に応答するか（kube-prometheus-stack では Prometheus の Service、ポート9090）、および --prometheus-token-file / --prometheus-user / --prometheus-ca-file オプションを確認します。',
    scrape:
      '各 kubelet の /metrics/resource をスクレイプします：deploy/prometheus/kubelet-resource.yml のジョブを追加します（deploy/prometheus/rbac.yaml と併せて）。kube-prometheus-stack は既にスクレイプしています。',
    labels:
      '系列が別のラベル名で存在する場合は kubeglance に指定します：--prometheus-node-label、--prometheus-namespace-label、--prometheus-pod-label、--prometheus-container-label。',
  },
};
