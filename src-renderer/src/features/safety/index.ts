export { SafetyPlanForm } from './SafetyPlanForm';
export { SafetyScreen } from './SafetyScreen';
export { GroundingExercise } from './GroundingExercise';
