// The app version, from package.json (the single place it is set).
import pkg from '../../package.json';

export const version: string = pkg.version;
