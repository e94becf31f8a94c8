/** A browser File as base64, for tRPC's JSON body (the server decodes it and checks the sizes). */
export async function fileToBase64(file: File): Promise<{ name: string; base64: string }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  // In chunks: String.fromCharCode with a whole large file's bytes as arguments overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { name: file.name, base64: btoa(binary) };
}
