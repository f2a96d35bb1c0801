export { SafetyPlanForm } from './SafetyPlanForm';
export { SafetyScreen } from './SafetyScreen';
