/** Largest structure file accepted from a user (the submit form checks the same number client-side). */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

export const uploadFormats = ["cif", "poscar", "json"] as const;
