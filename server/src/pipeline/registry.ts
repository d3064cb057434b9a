import type { ClusterPipeline } from './clusterPipeline.js';
import { ClusterView } from './clusterView.js';

/** The configured clusters, each with its pipeline and its cached read view. */
export class ClusterRegistry {
  private readonly entries = new Map<string, { pipeline: ClusterPipeline; view: ClusterView }>();

  add(pipeline: ClusterPipeline): void {
    if (this.entries.has(pipeline.name))
      throw new Error(`duplicate cluster name: ${pipeline.name}`);
    this.entries.set(pipeline.name, { pipeline, view: new ClusterView(pipeline) });
  }

  get(name: string): { pipeline: ClusterPipeline; view: ClusterView } | undefined {
    return this.entries.get(name);
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  pipelines(): ClusterPipeline[] {
    return [...this.entries.values()].map((e) => e.pipeline);
  }

  views(): ClusterView[] {
    return [...this.entries.values()].map((e) => e.view);
  }

  startAll(): void {
    for (const p of this.pipelines()) p.start();
  }

  stopAll(): void {
    for (const p of this.pipelines()) p.stop();
  }
}
