/**
 * The same limit as server/services/upload-limits.ts (the server checks it again): checked here
 * first so a too-large file is refused before it is read or sent.
 */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

export const ACCEPTED_EXTENSIONS = ".cif,.vasp,.poscar,.json,POSCAR,CONTCAR";

export const byteLength = (text: string) => new TextEncoder().encode(text).length;

export const tooLargeMessage = (bytes: number) =>
  `The file is ${(bytes / 1024 / 1024).toFixed(1)} MB; at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB is accepted.`;
