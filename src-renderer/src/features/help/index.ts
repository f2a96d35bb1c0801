export { GateHelp } from './GateHelp';
export { HelpPanel } from './HelpPanel';
export { HelpScreen } from './HelpScreen';
