/** A cluster named in `?clusters=` that the server does not have: an error, not a wait. */
export function UnknownCluster({ name }: { name: string }) {
  return (
    <section className="noc-panel noc-unknown-cluster" role="status" aria-label={`Cluster ${name}`}>
      <h2>
        <span aria-hidden="true">▲ </span>Unknown cluster “{name}”
      </h2>
      <p>Not configured on this kubeglance server. Check the name in the URL:</p>
      <code>?clusters=…</code>
    </section>
  );
}
