// Types for build/fuses.mjs (an electron-builder hook, plain JavaScript so that electron-builder 25
// can load it), used by tests/unit/packaging.test.ts.
import type { AfterPackContext } from 'electron-builder';
import type { FuseConfig, FuseV1Options } from '@electron/fuses';

export type FuseName = keyof typeof FuseV1Options;

/** The minimal part of electron-builder's AfterPackContext the hook reads. */
export type FuseContext = Pick<AfterPackContext, 'appOutDir' | 'electronPlatformName' | 'arch'> & {
  packager: { appInfo: { productFilename: string }; executableName?: string };
};

export declare const fuseSettings: Readonly<Partial<Record<FuseName, boolean>>>;
export declare function electronBinaryPath(context: FuseContext): string;
export declare function fuseConfig(context: FuseContext): FuseConfig;
export declare function afterPack(context: FuseContext): Promise<void>;
export default afterPack;
