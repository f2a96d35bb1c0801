// electron-builder afterPack hook: flips Electron's fuses in the packaged binary, after the app and
// its asar integrity data are in place and before anything is signed (so the signature covers the
// flipped binary). electron-builder 25 has no `electronFuses` option; this does the same job.
import { join } from 'node:path';
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';

/** Arch.arm64 in electron-builder (builder-util). */
const ARM64 = 3;

/** The fuse settings, by name. Fuses not listed keep Electron's default. */
export const fuseSettings = {
  RunAsNode: false, // ELECTRON_RUN_AS_NODE cannot turn the app into a plain Node runtime
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false, // NODE_OPTIONS cannot inject code
  EnableNodeCliInspectArguments: false, // --inspect cannot attach a debugger
  EnableEmbeddedAsarIntegrityValidation: true, // a modified app.asar refuses to load
  OnlyLoadAppFromAsar: true, // no loose resources/app folder next to it
  GrantFileProtocolExtraPrivileges: false, // file:// gets no special powers (the UI uses app://)
};

/** The binary the fuse wire lives in (for macOS, the .app; @electron/fuses finds the framework). */
export function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') {
    return join(appOutDir, `${packager.appInfo.productFilename}.app`);
  }
  if (electronPlatformName === 'win32') return join(appOutDir, `${packager.appInfo.productFilename}.exe`);
  return join(appOutDir, packager.executableName);
}

/** The @electron/fuses config for one packaged app. */
export function fuseConfig(context) {
  const config = {
    version: FuseVersion.V1,
    // Flipping a fuse breaks the ad-hoc signature arm64 macOS needs to run an unsigned build.
    resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' && context.arch === ARM64,
  };
  for (const [name, value] of Object.entries(fuseSettings)) {
    const index = FuseV1Options[name];
    if (typeof index !== 'number') throw new Error(`Unknown Electron fuse "${name}" in build/fuses.mjs`);
    config[index] = value;
  }
  return config;
}

export async function afterPack(context) {
  await flipFuses(electronBinaryPath(context), fuseConfig(context));
}

export default afterPack;
