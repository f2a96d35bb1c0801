// What other features may use from here (DESIGN.md: a feature takes another's piece only through its index.ts).
export { OpenInRoomButton, QuickSessionCard } from './QuickSessionCard';
export { useRooms } from './RoomProvider';
export { RoomSettings } from './RoomSettings';
