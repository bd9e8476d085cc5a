/**
 * True when the answer came from Ballast's simulator, which marks every response with
 * `x-ballast-simulated: true`; traces and cost reports must not mistake it for a real bill.
 */
export function isSimulatedResponse(headers: { get(name: string): string | null } | undefined): boolean {
  return headers?.get('x-ballast-simulated')?.trim().toLowerCase() === 'true';
}
