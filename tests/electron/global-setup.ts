import { ELECTRON_SKIP_REASON, electronBinary } from '../helpers/electron-binary';

export default function globalSetup(): void {
  if (!electronBinary()) console.log(ELECTRON_SKIP_REASON);
}
