/** Cheap checks of a location hash, kept apart from the codec so start-up does not load fflate. */
export const SHARE_PARAM = 'design';

/** Whether a location hash carries a shared design (so the app knows to import it). */
export function isShareFragment(hash: string): boolean {
  return hash.startsWith(`#${SHARE_PARAM}=`);
}
