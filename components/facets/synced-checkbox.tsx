"use client";

import { useEffect, useRef, type InputHTMLAttributes } from "react";

/**
 * An uncontrolled checkbox whose ticked state follows the URL: ticking it
 * navigates, and a filter removed elsewhere (a chip, back/forward) unticks it
 * without remounting, so keyboard focus stays where it was.
 */
export function SyncedCheckbox({ checked, ...props }: { checked: boolean } & Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "checked" | "defaultChecked">) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.checked = checked;
  }, [checked]);
  return <input ref={ref} type="checkbox" defaultChecked={checked} {...props} />;
}
