// IPC channel names shared by the main process and the preload. Kept free of
// imports because the sandboxed preload cannot load Node modules.
export const INVOKE_CHANNEL = 'innspill:invoke';
export const EVENT_CHANNEL = 'innspill:event';
