/**
 * A box ticked before the island hydrated (the page shows while its script still loads) changed
 * nothing but the box: no handler was there yet. Once hydrated, the filter form is submitted
 * with it, through the form's own handler, as the tick would have been. True when it submitted.
 */
export function submitEarlyTicks(root: HTMLElement): boolean {
  for (const form of root.querySelectorAll("form")) {
    const ticked = [...form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].some((box) => box.checked !== box.defaultChecked);
    if (ticked) {
      form.requestSubmit();
      return true;
    }
  }
  return false;
}
