// The version written into every exported workbook (_meta.appVersion) and shown in the app.
// Vite defines __APP_VERSION__; under vitest or a build that forgot the define it is absent,
// and a missing version must never crash the renderer.

export const APP_VERSION: string = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0-dev';
