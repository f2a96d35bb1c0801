/** build/icons/32x32.png, inlined: build/ is never packaged, and one small image needs no file. */
export const TRAY_ICON_DATA_URL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAYAAABzenr0AAAABmJLR0QA/wD/AP+gvaeTAAAE3UlEQVRYhe2XbWscVRTHf3dmH2Z3s9lk89TaByE2JaZUbRGRotQXhZZSrKJStP0EQsGPIoj4BSyFomKLDXmlRbQUgmKV9EHTCDYxzSa7m83uzOzOztzji003O7vZRILSNz1wX9xz//fc/z3nP/fegaf2hE1t5hQR9c0PV99CcR4YB5XYWXhxgXto+fzM629dVUrJtgQmb0321uu1KyAnd7ZoV5uKRq1zp189vdbqNEJ8RZRXc6+I1idFC/9xO+XV3MsiEtp0qPP1jS/fFuSr7bZiGibxWAzTMAEIdECt7hEEwbZpMJQ6e/b4O9ce9yOtg4EE59XmsgAgEbNIp3rQWlP1qtT9eiOIYdKXSmMYJmXHxq25XWMEIheAzQmIMC506ARDGQxmsnh+nVwxjxbdGdlp4DI9aZJWgnypuDkOJlo7IQKITrUvbyiDoUw/q3aJqlfbmGhGSFmNj8OuuviBTyCawloRKxpnqC9LrrjSQUJBqisBLZ27H8xkKZZLVOuNxXuTPYzvG2MoM4BSjXKJCMulPHcfzlJ2yrheFVkTBtL95Eor4T22xQ+XAAkhkvEENd/D9aoA7M6OcOTAYVZKeW7d/YnVSgmAvp4Mo888y2uHXuHn2V95VMjhelUSsTiJuIVTbdFEm8TCGdBhfulUD0uFFbQIvak0Rw4c5v7DWf74+88QLlfKkyvlObhnlKMHXuD7326x5pQpVNYY6R+k4jpdU9B+DjSboQzqvk+gA0SEiX0HWS6t8PvCXAjX2u7PP2C5lOf5/WOICIEOCIIA0zBCuC0I6GaLR6O4NRcRTcQwGe4bYHZhLoRJxOIkYvGQb3ZhjuG+ASKGgYjGqTnEItEQ5l9lwDRNfN9HREhaCZRSFMul5ngiZnHi6HFOHD2OFbOa/mJ5FUMZJK0EIkI98DFNs2sGumtAC1oavseTtJYmpvnFCEirXz0eX8cHghid+tqUQCs7z/cxDYWIULZttGj6enrJreYBsF2HqelvAUIq709n0KKp2JVmJj2/3rHzzUvARp3cmou1Xl/Pr7FUWGZs72iolrZrY7t2yDe2d5RHhRye7yGiScYs3KqzgWErDeiNOtX9OqZholQjC7fnZhjpG24qfLM2sf8gQ5lBbj+4g4igFCil8AN/A6e30oCsF3XdCuUSfaleVtaKFMslbt6Z5tjEywxkstz7a5bCWhGAgd5+xveNMdw/yI8z080DKpvOki+vtp2w4ZOoTQPh9FScCr2DI1hRC9dzeZhbYMqp8NJzE7zx4jEMo5FArTWLhSWmpr+jZDfeG8m4RdQ0sV27repbZADpvAsX8zn2DO0mXxQcz2W1vMqNX24SNaOkUylEoOLY1IN6c04ybpHNZFlYXuwQX/tl334Z2e0Mg0Azn1tgV3aYZN0iXy6idUOY+VIthDUMg4HeLLFIhPncAlp3XseCCqWkncBdkEPtk3QQML+8SE8ixe7BXeggwK46+OsvoIhpkrSSmIZJYa2IXXXaQ7SkQM9sReCSQt7tNrfsVCg7FUwzQjJuEYs0pnu+z1JhGT/wuy+8boK6FOITGhRRn33x6SRwattIOzK5/uF7F8+0ekLngFJK/Jo+J1om/4dX8XW/Jh+0U+r6Av3k8sdvoowLwATIDn9MlCsiMwq5dPH9j65tj39qT8D+Ad65mpMxDywvAAAAAElFTkSuQmCC';

/**
 * The macOS menu-bar icon: the logo's rings only, black on transparent at 16 and 32 pixels (1x
 * and 2x), made by scripts/make-tray-template.mjs. As a template image macOS recolours it for a
 * light or dark menu bar and when it is highlighted; a colour icon would not follow either.
 */
export const TRAY_TEMPLATE_16_DATA_URL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAAuUlEQVR42q2TTQqDMBCFv3Xp0lPkFCIiLrNwkXO4cuFtPFaO0oXF8gVskRaqAw+SmTczb/IDx3YDAlCLoO+nbaQITEACGpH0xW+FKmAEOuAO9MAsen2dnOqo86jUFsjA+oFsLMh9UxKtvhEeYlF6cl38rdy47z4pMUsaDkYcjGW5U1ER7NIrddkltaLYIqc3Z8t9XVPjYa0GSnKZvxRJ7mdz6ksKnB7h9CGevsZLHtLpp3zJZ/rrOz8BZpJQKfGi3+oAAAAASUVORK5CYII=';
export const TRAY_TEMPLATE_32_DATA_URL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAYAAABzenr0AAABs0lEQVR42tWXPW7CUAzHf6oYGBgYOiKmDgwRQw4QMWdgrBg7oY4ZEEOnSByEQzBwgByBIzBwhIy0SLZknpwSaKuXPslD/Gz//fWc9+AfrR4wAXJgCay/mKXQWni5yPR+E7gPzALAW7QWnf5PwacB8DuQAWNgYOQGwstExjoyfQT4CZgbQ2/A6A79keio/lxstgZ/FcUPIDV7z0AB7IAjcBY6Cq8QGV2p2CjFZisnNPKVifpSyw1QG9AmqkW2b7KxMpm4WXONXMFfgEML4JAOoqtOaCam33W7NlxqwE8NUVbAVqhqyM7JOJGaxnRPx8w0nDp0cIAvMkNHfyh7tZMJBdTGnHlDRqPX1G+caJIWPZQ4WduYUmgWrobVxJxz7fY6iDy54xgmjr6eDp0TE6uQCzOT7yKIoHxglpSBjUL4mezlVngpzLF87wLvvZovgL3QoqEnbBZ2wh8L1tIKa/11vNohUzWAhx3vOVEFw0rHtvbBVbpsmq3hrWN47ziwd+S2gUwTXnwHopcgehNGP4bRB1H0URz9Z9SJ33H0C0knrmSduJRGv5Z34mHSmadZJx6nf7o+Aab0QAwEdL1DAAAAAElFTkSuQmCC';

export interface TrayIconSpec {
  representations: { scaleFactor: number; dataURL: string }[];
  template: boolean;
}

/** Which tray image each platform gets: a template image on macOS, the colour icon elsewhere. */
export function trayIconSpec(platform: NodeJS.Platform): TrayIconSpec {
  if (platform === 'darwin') {
    return {
      representations: [
        { scaleFactor: 1, dataURL: TRAY_TEMPLATE_16_DATA_URL },
        { scaleFactor: 2, dataURL: TRAY_TEMPLATE_32_DATA_URL },
      ],
      template: true,
    };
  }
  return { representations: [{ scaleFactor: 1, dataURL: TRAY_ICON_DATA_URL }], template: false };
}
