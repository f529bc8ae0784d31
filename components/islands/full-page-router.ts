/**
 * `next/navigation` for islands (scripts/build-islands.ts aliases it here): a page served by the
 * document fast path has no Next.js router, so a navigation is a full page load. What a client
 * navigation keeps — where the page was scrolled, which control had focus, which folding panel
 * was open — is carried over through sessionStorage and put back by `restoreAfterNavigation` on
 * the next page.
 */

const STORAGE_KEY = "baoku:navigation";

type Carried = {
  href: string;
  scrollY: number | null;
  focus: { type: string; name: string; value: string } | null;
  /** Ids of open panels (`data-collapsible="open"`, opened by a button that `aria-controls` them). */
  openPanels: string[];
};

type PushOptions = { scroll?: boolean };

export function useRouter() {
  return {
    push: (href: string, options?: PushOptions) => navigateFully(href, options),
    replace: (href: string, options?: PushOptions) => navigateFully(href, options, true),
    refresh: () => window.location.reload(),
    back: () => window.history.back(),
    forward: () => window.history.forward(),
    prefetch: () => undefined,
  };
}

function navigateFully(href: string, options: PushOptions | undefined, replace = false): void {
  const active = document.activeElement;
  const carried: Carried = {
    href: new URL(href, window.location.href).href,
    scrollY: options?.scroll === false ? window.scrollY : null,
    focus: active instanceof HTMLInputElement && active.name ? { type: active.type, name: active.name, value: active.value } : null,
    openPanels: [...document.querySelectorAll<HTMLElement>('[data-collapsible="open"][id]')].map((panel) => panel.id),
  };
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(carried));
  } catch {
    // Storage refused (private mode, quota): the navigation still happens, only without the restore.
  }
  if (replace) window.location.replace(href);
  else window.location.assign(href);
}

/** On the page a full navigation led to, once its controls are hydrated: panels, scroll and focus as they were. */
export function restoreAfterNavigation(): void {
  let carried: Carried | null = null;
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    sessionStorage.removeItem(STORAGE_KEY);
    carried = raw ? (JSON.parse(raw) as Carried) : null;
  } catch {
    return;
  }
  if (!carried || carried.href !== window.location.href) return;
  // Through the panel's own button, so its component knows it is open.
  for (const id of carried.openPanels) document.querySelector<HTMLButtonElement>(`button[aria-controls="${CSS.escape(id)}"][aria-expanded="false"]`)?.click();
  if (carried.scrollY !== null) window.scrollTo(0, carried.scrollY);
  const focus = carried.focus;
  if (!focus) return;
  // The type too: the search box carries the filters again as hidden fields of the same name and value.
  const target = [...document.querySelectorAll<HTMLInputElement>("input[name]")].find((input) => input.type === focus.type && input.name === focus.name && input.value === focus.value);
  target?.focus({ preventScroll: true });
}

/**
 * Back and forward can show a page as the browser kept it (the back/forward cache): a box ticked
 * just before leaving would look ticked on a page whose URL says it is not. Every form is put
 * back to what the server rendered, which is what the URL says. (The browser's refilling of form
 * controls is turned off on the filter form itself: FacetForm's autoComplete.)
 */
export function resetFormsToUrl(): void {
  for (const form of document.forms) form.reset();
}
