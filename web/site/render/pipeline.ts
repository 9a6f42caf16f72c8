// The chain a `docker run` travels, as a static figure (HTML and CSS, readable as a list).

const PARTS: [string, string][] = [
  ['docker CLI', 'the client: turns your command into Engine API requests'],
  ['dockerd', 'the daemon: images, containers, networks, volumes'],
  ['containerd', 'runs containers for dockerd, prepares their filesystems'],
  ['shim', 'one per container: keeps it going when others restart'],
  ['runc', 'the OCI runtime: creates the namespaces and cgroups, starts the process'],
];

export function pipelineFigure(): string {
  const items = PARTS.map(([name, what]) => `<li><strong>${name}</strong><span>${what}</span></li>`).join('');
  return `<figure class="pipeline"><ol>${items}</ol><figcaption>A request travels client → dockerd → containerd → shim → runc.</figcaption></figure>`;
}
