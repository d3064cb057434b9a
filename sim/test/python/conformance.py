"""A second real client against the simulator: Debian's python3-kubernetes (typed models).

Usage: conformance.py KUBECONFIG MODE [ARGS...] and prints one JSON document on stdout.
  lists                      typed pod/node/namespace lists, paged with limit/continue
  watch RV                   pod events after resourceVersion RV until the 2 s timeout
  gone RV                    a watch from RV that must end in a 410 ApiException
  metrics LABEL NS FIELD     CustomObjectsApi metrics lists with label/field selectors
Any exception (a model that fails to deserialise, an unexpected status) exits non-zero.
"""
import json
import sys

from kubernetes import client, config, watch
from kubernetes.client.rest import ApiException


def paged(call, limit, **kwargs):
    """Every item of a typed list, one page of `limit` at a time; returns (items, pages)."""
    items, pages, token = [], 0, None
    while True:
        page = call(limit=limit, _continue=token, **kwargs) if token else call(limit=limit, **kwargs)
        pages += 1
        items.extend(page.items)
        token = page.metadata._continue
        if not token:
            return items, pages, page.metadata.resource_version


def statuses(pod, field):
    return [
        {
            "name": s.name,
            "image": s.image,
            "imageID": s.image_id,
            "containerID": s.container_id,
            "ready": s.ready,
            "started": s.started,
            "restartCount": s.restart_count,
            "state": sorted(k for k, v in s.state.to_dict().items() if v is not None),
        }
        for s in (getattr(pod.status, field) or [])
    ]


def lists(core):
    nodes, node_pages, _ = paged(core.list_node, 2)
    namespaces, ns_pages, _ = paged(core.list_namespace, 3)
    pods, pod_pages, rv = paged(core.list_pod_for_all_namespaces, 25)
    return {
        "nodes": [n.metadata.name for n in nodes],
        "nodePages": node_pages,
        "nodeCapacity": {n.metadata.name: n.status.capacity["cpu"] for n in nodes},
        "namespaces": [n.metadata.name for n in namespaces],
        "namespacePages": ns_pages,
        "podPages": pod_pages,
        "resourceVersion": rv,
        "pods": [
            {
                "key": f"{p.metadata.namespace}/{p.metadata.name}",
                "phase": p.status.phase,
                "qos": p.status.qos_class,
                "initContainers": [c.name for c in (p.spec.init_containers or [])],
                "containerStatuses": statuses(p, "container_statuses"),
                "initContainerStatuses": statuses(p, "init_container_statuses"),
            }
            for p in pods
        ],
    }


def watch_from(core, rv):
    events = []
    for event in watch.Watch().stream(
        core.list_pod_for_all_namespaces, resource_version=rv, timeout_seconds=2
    ):
        obj = event["object"]
        events.append(
            {
                "type": event["type"],
                "key": f"{obj.metadata.namespace}/{obj.metadata.name}",
                "resourceVersion": obj.metadata.resource_version,
            }
        )
    return {"events": events}


def gone(core, rv):
    try:
        for _ in watch.Watch().stream(
            core.list_pod_for_all_namespaces, resource_version=rv, timeout_seconds=5
        ):
            pass
    except ApiException as err:
        return {"status": err.status, "reason": err.reason}
    return {"status": None}


def metrics(custom, label, namespace, field):
    group, version = "metrics.k8s.io", "v1beta1"

    def names(body):
        return sorted(
            f"{i['metadata'].get('namespace', '')}/{i['metadata']['name']}" for i in body["items"]
        )

    def cluster(plural, **kwargs):
        return names(custom.list_cluster_custom_object(group, version, plural, **kwargs))

    all_nodes = custom.list_cluster_custom_object(group, version, "nodes")
    return {
        "nodes": names(all_nodes),
        "nodeKind": all_nodes["kind"],
        "nodesByLabel": cluster("nodes", label_selector="node-role.kubernetes.io/control-plane"),
        "nodesByField": cluster("nodes", field_selector=f"metadata.name={field}"),
        "pods": cluster("pods"),
        "podsInNamespace": names(
            custom.list_namespaced_custom_object(group, version, namespace, "pods")
        ),
        "podsByLabel": cluster("pods", label_selector=label),
        "podsByField": cluster("pods", field_selector=f"metadata.namespace={namespace}"),
    }


def main():
    kubeconfig, mode, *args = sys.argv[1:]
    api = config.new_client_from_config(config_file=kubeconfig)
    core = client.CoreV1Api(api)
    if mode == "lists":
        out = lists(core)
    elif mode == "watch":
        out = watch_from(core, args[0])
    elif mode == "gone":
        out = gone(core, args[0])
    elif mode == "metrics":
        out = metrics(client.CustomObjectsApi(api), *args)
    else:
        raise SystemExit(f"unknown mode {mode}")
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
