// Platform normalization and manifest-list selection as moby's puller does it (containerd's
// platforms package: Normalize, Only, Format).

import type { Descriptor, ImageIndex, Platform } from './types';

/** Canonical os/architecture/variant (x86_64 -> amd64, aarch64 -> arm64/v8, armhf -> arm/v7). */
export function normalizePlatform(p: Platform): Platform {
  const os = (p.os || 'linux').toLowerCase();
  let arch = (p.architecture || '').toLowerCase();
  let variant = (p.variant ?? '').toLowerCase();
  switch (arch) {
    case 'i386':
      arch = '386';
      variant = '';
      break;
    case 'x86_64':
    case 'x86-64':
    case 'amd64':
      arch = 'amd64';
      if (variant === 'v1') variant = '';
      break;
    case 'aarch64':
    case 'arm64':
      arch = 'arm64';
      if (variant === '8' || variant === 'v8' || variant === '') variant = 'v8';
      break;
    case 'armhf':
      arch = 'arm';
      variant = 'v7';
      break;
    case 'armel':
      arch = 'arm';
      variant = 'v6';
      break;
    case 'arm':
      if (variant === '') variant = 'v7';
      else if (/^\d+$/.test(variant)) variant = 'v' + variant;
      break;
  }
  const out: Platform = { os, architecture: arch };
  if (variant) out.variant = variant;
  return out;
}

/** `linux/arm64/v8`, as platforms.Format writes it. */
export function formatPlatform(p: Platform): string {
  return [p.os, p.architecture, p.variant].filter((x) => x).join('/');
}

function variantNumber(v: string | undefined, dflt: number): number {
  const n = v ? Number(v.replace(/^v/, '').split('.')[0]) : dflt;
  return Number.isFinite(n) ? n : dflt;
}

/** Platforms an image for `p` may run as, best first (containerd's platform vector). */
export function compatiblePlatforms(p: Platform): Platform[] {
  const n = normalizePlatform(p);
  const out: Platform[] = [];
  switch (n.architecture) {
    case 'arm64':
      out.push({ os: n.os, architecture: 'arm64', variant: n.variant ?? 'v8' });
      for (let v = 8; v >= 5; v--) out.push({ os: n.os, architecture: 'arm', variant: `v${v}` });
      break;
    case 'arm':
      for (let v = variantNumber(n.variant, 7); v >= 5; v--) out.push({ os: n.os, architecture: 'arm', variant: `v${v}` });
      break;
    case 'amd64':
      for (let v = variantNumber(n.variant, 1); v >= 1; v--) {
        const q: Platform = { os: n.os, architecture: 'amd64' };
        if (v > 1) q.variant = `v${v}`;
        out.push(q);
      }
      out.push({ os: n.os, architecture: '386' });
      break;
    default:
      out.push(n);
  }
  return out;
}

function samePlatform(a: Platform, b: Platform): boolean {
  return a.os === b.os && a.architecture === b.architecture && (a.variant ?? '') === (b.variant ?? '');
}

export class NoMatchingManifestError extends Error {
  constructor(readonly platform: Platform) {
    super(`no matching manifest for ${formatPlatform(normalizePlatform(platform))} in the manifest list entries`);
    this.name = 'NoMatchingManifestError';
  }
}

/**
 * The index entry to pull for `want`: entries whose (normalized) platform is compatible, the
 * best-ranked first, index order breaking ties; attestation entries (unknown/unknown) never
 * match. Throws NoMatchingManifestError when nothing fits.
 */
export function selectManifest(index: ImageIndex, want: Platform): Descriptor {
  const vector = compatiblePlatforms(want);
  let best: Descriptor | undefined;
  let bestRank = Infinity;
  for (const d of index.manifests) {
    if (!d.platform) continue;
    const p = normalizePlatform(d.platform);
    const rank = vector.findIndex((v) => samePlatform(v, p));
    if (rank >= 0 && rank < bestRank) {
      best = d;
      bestRank = rank;
    }
  }
  if (!best) throw new NoMatchingManifestError(want);
  return best;
}
