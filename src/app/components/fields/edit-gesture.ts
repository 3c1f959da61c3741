import { useEffect, useRef } from 'react';
import { beginGesture, endGesture } from '../../store';

/** Makes everything written while a field has focus one undo step, like a drag. */
export function useEditGesture() {
  const active = useRef(false);
  useEffect(
    () => () => {
      if (active.current) {
        active.current = false;
        endGesture();
      }
    },
    [],
  );
  return {
    onFocus: () => {
      if (!active.current) {
        active.current = true;
        beginGesture();
      }
    },
    onBlur: () => {
      if (active.current) {
        active.current = false;
        endGesture();
      }
    },
  };
}
