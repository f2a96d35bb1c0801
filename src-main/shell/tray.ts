import { Menu, nativeImage, Tray } from 'electron';
import { trayIconSpec } from './tray-icon';
import { trayMenu, trayTooltip, type TrayAction, type TrayState } from './tray-menu';

function trayImage(platform: NodeJS.Platform) {
  const spec = trayIconSpec(platform);
  const image = nativeImage.createEmpty();
  for (const representation of spec.representations) image.addRepresentation(representation);
  image.setTemplateImage(spec.template);
  return image;
}

/** The tray icon: built from the pure menu in tray-menu.ts, rebuilt when the state changes. */
export function createTray(onAction: (action: TrayAction) => void, platform: NodeJS.Platform) {
  const tray = new Tray(trayImage(platform));
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
