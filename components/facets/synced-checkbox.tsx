"use client";

import { useEffect, useRef, type InputHTMLAttributes } from "react";

/**
 * An uncontrolled checkbox whose ticked state follows the URL: ticking it
 * navigates, and a filter removed elsewhere (a chip, back/forward) unticks it
 * without remounting, so keyboard focus stays where it was. Only a change of
 * `checked` is written to the box: on mount the box already shows it, and a tick
 * made while the page was still hydrating must not be undone.
 */
export function SyncedCheckbox({ checked, ...props }: { checked: boolean } & Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "checked" | "defaultChecked">) {
  const ref = useRef<HTMLInputElement>(null);
  const shown = useRef(checked);
  useEffect(() => {
    if (ref.current && shown.current !== checked) ref.current.checked = checked;
    shown.current = checked;
  }, [checked]);
  return <input ref={ref} type="checkbox" defaultChecked={checked} {...props} />;
}
