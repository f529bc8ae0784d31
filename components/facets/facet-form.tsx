"use client";

import { useRouter } from "next/navigation";
import type { ChangeEvent, FormEvent, ReactNode } from "react";

/** Fields that are client-side helpers, never part of the search URL. */
const TRANSIENT_FIELDS = new Set(["authorq"]);

function toSearchUrl(form: HTMLFormElement): string {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    if (typeof value === "string" && value.trim() !== "" && !TRANSIENT_FIELDS.has(name)) params.append(name, value);
  }
  const query = params.toString();
  return query ? `/search?${query}` : "/search";
}

/**
 * The filter form. Without JavaScript it is a GET form with an apply button;
 * with it, ticking a box applies the filter at once (a client navigation, so
 * back/forward step through filters and focus stays on the box).
 */
export function FacetForm({ children }: { children: ReactNode }) {
  const router = useRouter();
  const navigate = (form: HTMLFormElement) => router.push(toSearchUrl(form), { scroll: false });
  const onChange = (event: ChangeEvent<HTMLFormElement>) => {
    const target = event.target as unknown as HTMLInputElement;
    if (target.type === "checkbox") navigate(event.currentTarget);
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    navigate(event.currentTarget);
  };
  return (
    // autoComplete off: back and forward must not refill the boxes with ticks the URL no longer has.
    <form action="/search" method="get" autoComplete="off" onChange={onChange} onSubmit={onSubmit} aria-label="筛选条件" className="space-y-6">
      {children}
    </form>
  );
}
