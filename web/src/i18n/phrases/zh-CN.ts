/**
 * The diagnostics' sentences in Simplified Chinese, keyed by the server's phrase codes
 * (`<check>.<result>`, `evidence.<code>`, `fix.<code>`); parameters are the server's. A code
 * missing here is shown in the server's English. Commands, flags and API paths stay as sent.
 */
export const phrasesZhCN = {
  any: {
    'not-checked': '未检查：需要先修复“{{becauseTitle}}”环节。',
  },
  apiserver: {
    ok: 'API 服务器有响应（{{version}}）。',
    unauthorized: 'API 服务器拒绝了 kubeglance 的凭据（401 Unauthorized）。',
    tls: 'API 服务器的证书不受信任（TLS 握手失败）。',
    unreachable: '无法访问 API 服务器。',
    error: 'API 服务器对 /version 返回了错误。',
  },
  rbac: {
    'no-review': '无法判断：API 服务器拒绝了 SelfSubjectAccessReview（{{rule}}）。',
    ok: 'kubeglance 所需的 {{rules}} 项权限均已授予。',
    denied: 'kubeglance 所需的 {{count}} 项权限被拒绝：{{rules}}。',
  },
  aggregation: {
    'not-allowed':
      '无法判断：kubeglance 无权读取 ConfigMap kube-system/extension-apiserver-authentication。规则“{{rule}}”（deploy/ 中可选的 kube-system Role）可以显示它。',
    off: 'API 服务器的聚合层未配置：metrics-server 将请求视为 system:anonymous。',
    ok: '请求经由聚合层完成身份认证后到达 metrics-server。',
    configured: '聚合层已配置（已发布 requestheader-client-ca-file）。',
    unreadable: '无法判断：无法读取 ConfigMap kube-system/extension-apiserver-authentication。',
  },
  apiservice: {
    'not-allowed':
      '无法判断：kubeglance 无权读取 APIService {{name}}。规则“{{rule}}”（deploy/ 中可选的 kube-system Role）可以显示它。',
    unreadable: '无法判断：无法读取该 APIService。',
    missing: '指标 API 未注册：未安装 metrics-server。',
    ok: '该 APIService 为 Available。',
    'missing-endpoints': 'metrics-server 的 Service 没有就绪的端点：其 Pod 未就绪（{{reason}}）。',
    'service-not-found': '该 APIService 指向的 metrics-server Service 不存在（{{reason}}）。',
    timeout: 'API 服务器无法访问 metrics-server（i/o timeout，{{reason}}）。',
    'discovery-failed': 'API 服务器对 metrics-server 的发现请求失败（{{reason}}）。',
  },
  warmup: {
    unreadable: '无法判断：无法列出 kube-system 中的 metrics-server Pod。',
    'no-pod':
      'kube-system 中没有带 k8s-app=metrics-server 标签的 Pod（Helm 安装使用 app.kubernetes.io/name=metrics-server 标签）。',
    ready: 'metrics-server（{{pod}}）已就绪。',
    warming:
      'metrics-server 正在预热：完成两次抓取（约 {{expected}} 秒）后才会响应，还需 {{seconds}} 秒。',
    'not-ready': 'metrics-server Pod {{pod}} 未就绪。',
  },
  'kubelet-scrape': {
    'not-allowed':
      '无法判断：kubeglance 无权读取 metrics-server 的日志。规则“{{rule}}”（deploy/ 中可选的 kube-system Role）可以显示它。',
    'not-synced': '尚未检查：节点列表仍在加载。',
    ok: '所有就绪节点（{{nodes}} 个）都有指标。',
    'some-missing':
      '{{nodes}} 个节点中有 {{missing}} 个没有指标（{{names}}）：metrics-server 无法抓取其 kubelet。',
    unreadable: '无法判断：无法读取 metrics-server 的日志。',
    'no-errors': 'metrics-server 的日志中没有 kubelet 抓取错误。',
    'all-failing':
      'metrics-server 无法抓取任何 kubelet（{{nodes}} 个节点中 {{failing}} 个失败），因而没有可提供的数据：修复之前会一直返回 503。',
    'some-failing': 'metrics-server 抓取 {{nodes}} 个节点中的 {{failing}} 个失败。',
  },
  freshness: {
    'no-metrics': '未检查：指标 API 没有响应。',
    'no-sample': '未检查：尚无指标样本。',
    'poll-failed':
      '上一次指标轮询失败，但现在所有环节看起来都正常：下一次轮询（一个分辨率周期内）应会恢复数据。',
    stuck: '指标时间戳已停止前进：最新样本已有 {{seconds}} 秒（分辨率 {{resolution}} 秒）。',
    skew: '{{count}} 个节点的时钟快于 kubeglance：{{names}}。',
    ok: '样本每 {{resolution}} 秒更新一次；节点时钟一致。',
  },
  pods: {
    'no-metrics': '未检查：指标 API 没有响应。',
    'no-sample': '未检查：尚无指标样本。',
    ok: '所有运行超过 2 分钟的 Pod 都有指标。',
    missing: '{{count}} 个运行超过 2 分钟的 Pod 没有指标。',
    'missing-some-on-missing-nodes':
      '{{count}} 个运行超过 2 分钟的 Pod 没有指标（其中 {{onMissingNodes}} 个位于没有指标的节点上）。',
  },
  prometheus: {
    unreachable: '{{url}} 上的 Prometheus 没有响应：无法绘制超出内存中一小时的图表。',
    'no-kubelet-series':
      'Prometheus 有响应，但没有最近一小时的 kubelet CPU 序列：长时间范围将保持为空。',
    ok: '{{url}} 上的 Prometheus 有响应，并保存了 kubelet 序列。',
  },
  evidence: {
    'resolution-assumed': '--metric-resolution（假定为默认值）',
    'args-none': 'metrics-server 的 kubelet 相关参数：未设置',
    answer: 'HTTP {{status}}',
    'connection-error': '连接错误',
    'prometheus-resource':
      'kubelet /metrics/resource：最近 1 小时 {{series}} 个序列，按标签 {{label}} 共 {{nodes}} 个节点',
    'prometheus-cadvisor':
      'cAdvisor（后备）：最近 1 小时 {{series}} 个序列，按标签 {{label}} 共 {{nodes}} 个节点',
    'prometheus-ksm': 'kube-state-metrics 资源请求（可选）：最近 1 小时 {{series}} 个序列',
    'prometheus-failed': '序列查询失败',
    'configmap-keys': 'kube-system/extension-apiserver-authentication 中的键',
    'missing-rule': '缺少的 RBAC 规则',
    'key-missing': '缺少的键',
    condition: 'Available 状况',
    'newest-sample': '最新样本的时间戳',
    skew: '节点时间戳超前',
    'missing-nodes': 'NodeMetrics 中缺失的节点',
    'scrape-errors': 'metrics-server 日志',
    args: 'metrics-server 的 kubelet 参数',
    pods: '没有指标的运行中 Pod',
    'pods-first': '没有指标的运行中 Pod（共 {{total}} 个，显示前 {{shown}} 个）',
    pod: 'metrics-server Pod',
    'log-tail': '最后几行日志',
    url: 'Prometheus URL',
    'forbidden-seen': 'kubeglance 收到的 403 响应',
    'optional-denied': '未授予的可选诊断读取权限',
    denied: 'SelfSubjectAccessReview：被拒绝',
  },
  fix: {
    'aggregation-kubeadm':
      'kubeadm：在 kube-apiserver 静态 Pod 清单中添加 front-proxy 参数；kubelet 会重启它。',
    'aggregation-k3s':
      'k3s：聚合层默认开启；删除所有覆盖 requestheader 或 proxy-client 参数的 --kube-apiserver-arg，然后重启 k3s。',
    'aggregation-managed':
      '托管集群（EKS、GKE、AKS）：由云服务商配置聚合层；若该 ConfigMap 缺少 requestheader 键，请提交支持工单。',
    'refresh-token':
      '刷新 kubeconfig 中的令牌（可能已过期）或服务账号令牌；kubeglance 会在数秒内重新读取已更改的 kubeconfig。',
    ca: '将 kubeconfig 中的 certificate-authority-data 设为集群 CA（或集群内的 ca.crt）。',
    'server-url':
      '检查 kubeconfig 中的服务器 URL、网络路径（VPN、防火墙），以及 API 服务器是否在运行。',
    'apiserver-health': '检查 API 服务器的健康状况。',
    'pod-status': '查看 metrics-server Pod 未就绪的原因（事件、就绪探针、镜像拉取）。',
    'pod-logs': '查看它的日志。',
    'network-firewall':
      'API 服务器无法访问 metrics-server Pod：允许控制平面节点访问 Pod 网络的 10250 端口（防火墙、安全组；控制平面节点上 iptables FORWARD 策略为 DROP 时）。',
    'network-hostnetwork':
      '或者以 hostNetwork: true 运行 metrics-server，使 API 服务器通过节点地址访问它。',
    'network-aggregator-routing':
      '当控制平面无法路由到 Service IP（其上没有 kube-proxy）时，以 --enable-aggregator-routing=true 启动 kube-apiserver。',
    reinstall: '重新安装 metrics-server（其清单会创建该 Service）。',
    install: '安装 metrics-server，然后等待约一分钟完成首次抓取。',
    restart: 'metrics-server 卡住了：请重启它。',
    ntp: '同步节点时钟（NTP、chrony）并检查。',
    'kubelet-signed-certs':
      '推荐：为 kubelet 配置由集群 CA 签发的服务证书（serverTLSBootstrap），然后批准其 CSR。',
    'kubelet-insecure-tls':
      '或者以 --kubelet-insecure-tls 运行 metrics-server。风险：它将接受 10250 端口上的任何证书，能拦截该流量的人可以向它提供虚假指标。实验环境可以接受，生产环境不可。',
    'address-types': 'metrics-server 使用了无法访问节点的地址：优先使用 InternalIP。',
    'open-10250':
      '允许 metrics-server 的 Pod 网络访问每个节点的 TCP 10250 端口（kubelet 端口）：防火墙、安全组、网络策略。',
    'read-log': '在 metrics-server 的日志中查看抓取错误。',
    'pods-usual': '通常是短生命周期的 Pod，或 kubelet 无法上报它们；请查看 kubelet 抓取环节。',
    'optional-role':
      '可选：允许诊断读取 kube-system 中 metrics-server 的 ConfigMap、Deployment 和日志。',
    'add-rules':
      '将缺少的规则添加到 kubeglance 的 ClusterRole（deploy/kubernetes），或使用具备这些权限的 kubeconfig 用户。',
    wait: '请等待，无需操作。若一分钟后仍未就绪，请查看其日志。',
    reach:
      '检查 kubeglance 能否访问该 URL 并调用 /api/v1/query（kube-prometheus-stack：其 Prometheus Service，端口 9090），以及 --prometheus-token-file / --prometheus-user / --prometheus-ca-file 选项。',
    scrape:
      '抓取每个 kubelet 的 /metrics/resource：添加 deploy/prometheus/kubelet-resource.yml 中的 job（配合 deploy/prometheus/rbac.yaml）；kube-prometheus-stack 已默认抓取。',
    labels:
      '若序列使用其他标签名，请告诉 kubeglance：--prometheus-node-label、--prometheus-namespace-label、--prometheus-pod-label、--prometheus-container-label。',
  },
};
