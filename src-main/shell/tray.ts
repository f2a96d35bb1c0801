import { Menu, nativeImage, Tray } from 'electron';
import { TRAY_ICON_DATA_URL } from './tray-icon';
import { trayMenu, trayTooltip, type TrayAction, type TrayState } from './tray-menu';

/** The tray icon: built from the pure menu in tray-menu.ts, rebuilt when the state changes. */
export function createTray(onAction: (action: TrayAction) => void) {
  const tray = new Tray(nativeImage.createFromDataURL(TRAY_ICON_DATA_URL));
  const update = (state: TrayState) => {
    tray.setToolTip(trayTooltip(state));
    tray.setContextMenu(
      Menu.buildFromTemplate(
        trayMenu(state).map((item) =>
          item === 'separator'
            ? { type: 'separator' as const }
            : { label: item.label, enabled: item.enabled, click: () => onAction(item.action) },
        ),
      ),
    );
  };
  tray.on('click', () => onAction('open'));
  return { update, destroy: () => tray.destroy() };
}
