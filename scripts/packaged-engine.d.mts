export function sha256(path: string): string;
export function loadedEngine(): string;
export function packagedEngines(resourcesDir: string): string[];
export function checkPackagedEngine(resourcesDir: string, loaded?: string): string[];
