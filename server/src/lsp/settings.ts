// The server's settings (the `wit.*` configuration section), read from the client and kept
// current on `workspace/didChangeConfiguration`.

import type { FeatureOptions } from '../semantics/gates';

export interface Settings {
  features: string[];
  allFeatures: boolean;
  hover: { abi: boolean };
  inlayHints: { abiOffsets: boolean; typeAliases: boolean; useOrigins: boolean };
  /** Delay between the last keystroke and new diagnostics, in milliseconds. */
  diagnosticsDelay: number;
}

export const DEFAULT_SETTINGS: Settings = {
  features: [],
  allFeatures: false,
  hover: { abi: true },
  inlayHints: { abiOffsets: false, typeAliases: true, useOrigins: false },
  diagnosticsDelay: 150,
};

/** Reads a `wit` configuration object, keeping defaults for anything missing or malformed. */
export function readSettings(raw: unknown): Settings {
  const r = (raw ?? {}) as Record<string, unknown>;
  const obj = (v: unknown) => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});
  const bool = (v: unknown, d: boolean) => (typeof v === 'boolean' ? v : d);
  const hover = obj(r.hover);
  const inlay = obj(r.inlayHints);
  return {
    features: Array.isArray(r.features) ? r.features.filter((f): f is string => typeof f === 'string') : [],
    allFeatures: bool(r.allFeatures, false),
    hover: { abi: bool(hover.abi, true) },
    inlayHints: {
      abiOffsets: bool(inlay.abiOffsets, DEFAULT_SETTINGS.inlayHints.abiOffsets),
      typeAliases: bool(inlay.typeAliases, DEFAULT_SETTINGS.inlayHints.typeAliases),
      useOrigins: bool(inlay.useOrigins, DEFAULT_SETTINGS.inlayHints.useOrigins),
    },
    diagnosticsDelay: typeof r.diagnosticsDelay === 'number' && r.diagnosticsDelay >= 0 ? r.diagnosticsDelay : 150,
  };
}

export function featureOptions(s: Settings): FeatureOptions {
  return { features: new Set(s.features), allFeatures: s.allFeatures };
}
